// A list with server-side paging, search and filters.
import { reactive, ref } from 'vue'
import type { ListQuery, Page } from '@/api/types'

export const DEFAULT_PAGE_SIZE = 20

/**
 * `fetcher` loads one page for a query. `filters` start from `initial`; `search()` goes back
 * to page 1, `reset()` restores the initial filters.
 */
export function useServerTable<T, F extends Record<string, unknown>>(fetcher: (q: ListQuery) => Promise<Page<T>>, initial: F) {
  const rows = ref<T[]>([]) as { value: T[] }
  const total = ref(0)
  const page = ref(1)
  const pageSize = ref(DEFAULT_PAGE_SIZE)
  const loading = ref(false)
  const filters = reactive({ ...initial }) as F
  let serial = 0

  async function load() {
    const mine = ++serial
    loading.value = true
    try {
      const query: ListQuery = { ...(filters as ListQuery), page: page.value, page_size: pageSize.value }
      const res = await fetcher(query)
      if (mine !== serial) return
      rows.value = res.items
      total.value = res.total
    } catch {
      if (mine === serial) rows.value = []
    } finally {
      if (mine === serial) loading.value = false
    }
  }

  function search() {
    page.value = 1
    return load()
  }

  function reset() {
    Object.assign(filters, initial)
    return search()
  }

  function setPage(p: number) {
    page.value = p
    return load()
  }

  function setPageSize(size: number) {
    pageSize.value = size
    page.value = 1
    return load()
  }

  return { rows, total, page, pageSize, loading, filters, load, search, reset, setPage, setPageSize }
}

import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, nextTick } from 'vue'
import { mount } from '@vue/test-utils'
import { ApiError } from '@/api/client'
import type { ListQuery } from '@/api/types'
import { useCountdown } from './useCountdown'
import { useFormErrors } from './useFormErrors'
import { useServerTable } from './useServerTable'

describe('useCountdown', () => {
  afterEach(() => vi.useRealTimers())

  it('counts 60 seconds down and stops', async () => {
    vi.useFakeTimers()
    let countdown!: ReturnType<typeof useCountdown>
    const wrapper = mount(defineComponent({ setup: () => ((countdown = useCountdown()), () => h('i')) }))
    countdown.start()
    expect(countdown.remaining.value).toBe(60)
    expect(countdown.running.value).toBe(true)
    vi.advanceTimersByTime(59_000)
    expect(countdown.remaining.value).toBe(1)
    vi.advanceTimersByTime(1_000)
    expect(countdown.running.value).toBe(false)
    countdown.start()
    wrapper.unmount()
    expect(countdown.remaining.value).toBe(0)
  })
})

describe('useFormErrors', () => {
  it('keeps the server field errors and clears them', () => {
    const { errors, capture, clear } = useFormErrors()
    expect(capture(new ApiError(400, 'validation_failed', 'x', { mobile: '已存在' }))).toBe(true)
    expect(errors.mobile).toBe('已存在')
    expect(capture(new ApiError(409, 'conflict', 'y'))).toBe(false)
    expect(errors.mobile).toBeUndefined()
    capture(new ApiError(400, 'validation_failed', 'x', { name: 'n' }))
    clear()
    expect(Object.keys(errors)).toEqual([])
  })
})

describe('useServerTable', () => {
  it('sends filters with paging, goes back to page 1 on search, restores filters on reset', async () => {
    const calls: ListQuery[] = []
    const fetcher = vi.fn(async (q: ListQuery) => {
      calls.push(q)
      return { items: [{ id: Number(q.page) }], total: 45, page: Number(q.page), page_size: Number(q.page_size) }
    })
    const table = useServerTable(fetcher, { q: '', status: '' })
    await table.setPage(3)
    expect(calls.at(-1)).toMatchObject({ q: '', status: '', page: 3, page_size: 20 })
    expect(table.rows.value).toEqual([{ id: 3 }])
    expect(table.total.value).toBe(45)
    table.filters.q = '王'
    await table.search()
    expect(calls.at(-1)).toMatchObject({ q: '王', page: 1 })
    await table.setPageSize(50)
    expect(calls.at(-1)).toMatchObject({ page: 1, page_size: 50 })
    await table.reset()
    expect(table.filters.q).toBe('')
    await nextTick()
    expect(table.loading.value).toBe(false)
  })

  it('keeps only the answer of the latest request', async () => {
    let release!: () => void
    const slow = new Promise<void>((r) => (release = r))
    const fetcher = vi.fn(async (q: ListQuery) => {
      if (q.q === 'old') await slow
      return { items: [{ id: q.q === 'old' ? 1 : 2 }], total: 1, page: 1, page_size: 20 }
    })
    const table = useServerTable(fetcher, { q: 'old' })
    const first = table.load()
    table.filters.q = 'new'
    await table.search()
    release()
    await first
    expect(table.rows.value).toEqual([{ id: 2 }])
  })
})

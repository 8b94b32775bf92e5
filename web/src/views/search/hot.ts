// Hot searches (热门搜索), fetched at most once a minute and shared by the header box and the
// results page. A failure answers an empty list: hot terms are a convenience, never an error.
import { hotSearches, type HotTerm } from '@/api/search'

const TTL_MS = 60_000
let cached: { at: number; items: HotTerm[] } | null = null
let inflight: Promise<HotTerm[]> | null = null

export async function loadHotTerms(): Promise<HotTerm[]> {
  if (cached && Date.now() - cached.at < TTL_MS) return cached.items
  if (!inflight) {
    inflight = hotSearches()
      .then((r) => {
        cached = { at: Date.now(), items: r.items ?? [] }
        return cached.items
      })
      .catch(() => [] as HotTerm[])
      .finally(() => {
        inflight = null
      })
  }
  return inflight
}

/** After a search the counts may have moved: ask again next time. */
export function forgetHotTerms(): void {
  cached = null
}

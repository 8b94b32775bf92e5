// The pure logic of search in the web: the page's state in the address bar, the API query built
// from it, facet tabs, the highlight sanitiser, the similar-proposal request and a debouncer.
import type { LocationQuery, LocationQueryRaw } from 'vue-router'
import type { FacetCount, SearchFacets, SearchQuery, SearchType, SimilarInput } from '@/api/search'
import type { Id } from '@/api/types'

/** The longest query the server accepts (characters). */
export const QUERY_MAX = 100
export const PAGE_SIZE = 20
export const SEARCH_TYPES: readonly SearchType[] = ['proposal', 'reply']

/** What the results page shows, as kept in `/search?q=…&type=…`. */
export interface SearchState {
  q: string
  type: SearchType | ''
  session: Id | null
  category: string
  state: string
  page: number
}

function one(v: LocationQuery[string] | undefined): string {
  const s = Array.isArray(v) ? v[0] : v
  return typeof s === 'string' ? s : ''
}

function positiveInt(s: string): number | null {
  const n = Number(s)
  return Number.isInteger(n) && n > 0 ? n : null
}

/** Reads the page's state from the route query, ignoring anything malformed. */
export function stateFromRoute(query: LocationQuery): SearchState {
  const type = one(query.type)
  return {
    q: one(query.q).trim(),
    type: (SEARCH_TYPES as readonly string[]).includes(type) ? (type as SearchType) : '',
    session: positiveInt(one(query.session)),
    category: one(query.category),
    state: one(query.state),
    page: positiveInt(one(query.page)) ?? 1,
  }
}

/** The route query for a state: empty filters and page 1 are left out. */
export function routeFromState(s: SearchState): LocationQueryRaw {
  const out: LocationQueryRaw = { q: s.q }
  if (s.type) out.type = s.type
  if (s.session) out.session = String(s.session)
  if (s.category) out.category = s.category
  if (s.state) out.state = s.state
  if (s.page > 1) out.page = String(s.page)
  return out
}

/** The `GET /search` query for a state. */
export function apiQuery(s: SearchState, pageSize = PAGE_SIZE): SearchQuery {
  const q: SearchQuery = { q: s.q, page: s.page, page_size: pageSize }
  if (s.type) q.type = s.type
  if (s.session) q.session = s.session
  if (s.category) q.category = s.category
  if (s.state) q.state = s.state
  return q
}

/** A filter changed: back to the first page. */
export function withFilter(s: SearchState, change: Partial<Omit<SearchState, 'q' | 'page'>>): SearchState {
  return { ...s, ...change, page: 1 }
}

/** A new query keeps nothing of the previous filters. */
export function newQuery(q: string): SearchState {
  return { q: q.trim(), type: '', session: null, category: '', state: '', page: 1 }
}

/** Why a query cannot be sent, as an i18n key (the server says the same with a 400), or null. */
export function queryProblem(q: string): string | null {
  const text = q.trim()
  if (!text) return 'search.error.empty'
  if ([...text].length > QUERY_MAX) return 'search.error.tooLong'
  return null
}

export interface TypeTab {
  /** '' is every type. */
  value: SearchType | ''
  count: number
}

/** The type tabs: all, 提案, 答复, each with its count from the facets (0 when absent). */
export function typeTabs(facets: Pick<SearchFacets, 'type'> | null | undefined): TypeTab[] {
  const counts = new Map((facets?.type ?? []).map((f) => [f.value, f.count]))
  const all = (facets?.type ?? []).reduce((n, f) => n + f.count, 0)
  return [{ value: '', count: all }, ...SEARCH_TYPES.map((t) => ({ value: t, count: counts.get(t) ?? 0 }))]
}

/** A facet's values with the selected one kept even when its count dropped to none. */
export function facetOptions(list: FacetCount[] | undefined, selected: string): FacetCount[] {
  const out = [...(list ?? [])]
  if (selected && !out.some((f) => f.value === selected)) out.unshift({ value: selected, count: 0 })
  return out
}

/**
 * The server's highlighted text is already escaped; as a second line of defence only <mark> and
 * </mark> survive as tags: any other `<` becomes `&lt;`.
 */
export function sanitizeHighlight(html: string | null | undefined): string {
  return (html ?? '').replace(/<(?!\/?mark>)/gi, '&lt;')
}

/** The highlighted HTML without its tags (for labels). */
export function plainHighlight(html: string | null | undefined): string {
  return (html ?? '')
    .replace(/<\/?mark>/gi, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
}

/** The text the editor has so far, as `POST /proposals/similar` takes it. */
export interface DraftText {
  title: string
  situation?: string
  analysis?: string
  suggestions?: string
}

/** The minimum the server needs (title + body characters). */
export const SIMILAR_MIN_CHARS = 4

/** The request for a draft, or null when there is too little text to ask about. */
export function similarInput(draft: DraftText, excludeId?: Id | null): SimilarInput | null {
  const title = draft.title.trim()
  const body = [draft.situation, draft.analysis, draft.suggestions]
    .map((s) => (s ?? '').trim())
    .filter(Boolean)
    .join('\n')
  if ([...title].length + [...body].length < SIMILAR_MIN_CHARS) return null
  const input: SimilarInput = { title, body }
  if (excludeId) input.exclude_id = excludeId
  return input
}

/** Same request as before: no need to ask again. */
export function sameInput(a: SimilarInput | null, b: SimilarInput | null): boolean {
  return !!a && !!b && a.title === b.title && a.body === b.body && (a.exclude_id ?? null) === (b.exclude_id ?? null)
}

/** A 0..1 score as a whole percentage ("83%"), or '' when there is none. */
export function percent(score: number | null | undefined): string {
  if (score === null || score === undefined || !Number.isFinite(score)) return ''
  return `${Math.round(Math.min(1, Math.max(0, score)) * 100)}%`
}

export interface Debounced<A extends unknown[]> {
  (...args: A): void
  /** Runs a pending call now (if any). */
  flush(): void
  /** Drops a pending call. */
  cancel(): void
  pending(): boolean
}

/** Calls `fn` once `ms` have passed without a new call, with the last arguments. */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): Debounced<A> {
  let timer: ReturnType<typeof setTimeout> | null = null
  let last: A | null = null
  const run = () => {
    timer = null
    const args = last
    last = null
    if (args) fn(...args)
  }
  const d = ((...args: A) => {
    last = args
    if (timer) clearTimeout(timer)
    timer = setTimeout(run, ms)
  }) as Debounced<A>
  d.flush = () => {
    if (timer) clearTimeout(timer)
    if (last) run()
    timer = null
  }
  d.cancel = () => {
    if (timer) clearTimeout(timer)
    timer = null
    last = null
  }
  d.pending = () => timer !== null
  return d
}

/** The other proposals of a merge cluster: every one except the chosen lead. */
export function mergeTargets<T extends { id: Id }>(proposals: T[], leadId: Id): T[] {
  return proposals.filter((p) => p.id !== leadId)
}

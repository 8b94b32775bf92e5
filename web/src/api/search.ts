// /search (全文搜索): ranked, highlighted search over proposals and replies in the caller's scope,
// the public search, hot searches, similar proposals while writing, merge suggestions for the
// review queue and unit suggestions at assignment.
import { request } from './client'
import type { Id } from './types'
import type { ProposalState, ResultCategory } from './proposals'

export type SearchType = 'proposal' | 'reply'

/** One hit: `title` and `snippet` are HTML the server escaped, with the matches in <mark>. */
export interface SearchHit {
  type: SearchType
  id: Id
  proposal_id: Id
  session_id: Id
  session_name: string
  category: string
  state: ProposalState
  title: string
  snippet: string
  number_label: string | null
  result_category: ResultCategory | null
  /** The record's date (a proposal's submission, or its creation while a draft; a reply's release), YYYY-MM-DD. */
  date: string
  score: number
}

export interface FacetCount {
  value: string
  count: number
}

export interface SessionFacet {
  value: Id
  label: string
  count: number
}

export interface SearchFacets {
  type: FacetCount[]
  session: SessionFacet[]
  category: FacetCount[]
  state: FacetCount[]
}

export interface SearchResult {
  items: SearchHit[]
  total: number
  /** The matches exceed the server's window: total counts the newest window of them. */
  total_capped?: boolean
  /** A one-character term was looked for in this many newest records only. */
  scanned_docs?: number
  page: number
  page_size: number
  facets: SearchFacets
}

export interface SearchQuery {
  q: string
  type?: SearchType | ''
  session?: Id | null
  category?: string
  state?: string
  unit?: Id | null
  page?: number
  page_size?: number
}

/** `GET /search`: the caller's scope (own drafts, assigned proposals…) plus everything published. */
export const search = (query: SearchQuery) => request<SearchResult>('/search', { query: { ...query }, silent: true })

/** `GET /public/search`: published records only, no login. */
export const publicSearch = (query: SearchQuery) => request<SearchResult>('/public/search', { query: { ...query }, silent: true })

export interface HotTerm {
  term: string
  count: number
}

/** `GET /search/hot`: the committee's most searched terms of the last `days` days. */
export const hotSearches = () => request<{ items: HotTerm[]; days: number }>('/search/hot', { silent: true })

export interface SimilarInput {
  title: string
  body: string
  exclude_id?: Id | null
}

export interface SimilarMatch {
  proposal_id: Id
  title: string
  number_label: string | null
  session_id: Id
  session_name: string
  state: ProposalState
  result_category: ResultCategory | null
  proposer_name: string
  /** 0..1; null while the server's index is still being built. */
  score: number | null
  shared_phrases: string[]
  /** Whether the caller may open the proposal. */
  visible: boolean
  /** Plain text (not HTML). */
  reply_excerpt?: string
}

export interface SimilarResult {
  items: SimilarMatch[]
  threshold: number
  ready: boolean
}

/** `POST /proposals/similar`: proposals of this and earlier sessions like the text being written. */
export const similarProposals = (input: SimilarInput) => request<SimilarResult>('/proposals/similar', { method: 'POST', body: input, silent: true })

export interface MergeMember {
  id: Id
  title: string
  number_label: string | null
  state: ProposalState
  proposer_name: string
}

export interface MergeCluster {
  lead_id: Id
  proposals: MergeMember[]
  score: number
  shared_phrases: string[]
}

/** `GET /proposals/merge-suggestions`: clusters of submitted/filed proposals of a session that look alike (503 while the index builds). */
export const mergeSuggestions = (sessionId: Id) =>
  request<{ items: MergeCluster[]; threshold: number }>('/proposals/merge-suggestions', { query: { session_id: sessionId }, silent: true })

export interface UnitSuggestion {
  unit_id: Id
  unit_name: string
  score: number
  count: number
  example_proposal_id: Id
  reason: string
}

/** `GET /proposals/{id}/unit-suggestions`: lead and co-units ranked from similar past assignments. */
export const unitSuggestions = (proposalId: Id) =>
  request<{ lead: UnitSuggestion[]; co: UnitSuggestion[] }>(`/proposals/${proposalId}/unit-suggestions`, { silent: true })

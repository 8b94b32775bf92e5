// /catalogue (提案撰写参考目录): a session's topic catalogue with its state, the topics (data-
// described CRUD), ordering and publication, claims by parties and sectors, the Word export and
// the check a draft runs before it is submitted.
import { download, request } from './client'
import type { Id } from './types'

export type CatalogueState = 'draft' | 'published'
export type ClaimGroupType = 'party' | 'sector'

/** The categories to group `topics` by: the committee's proposal categories in their order
 * (`known`, from the settings), then any other a topic carries, so that none is left out. */
export function categoriesFor(known: readonly string[], topics: readonly { category: string }[]): string[] {
  const out = [...known]
  for (const x of topics) if (!out.includes(x.category)) out.push(x.category)
  return out
}

export interface Claim {
  id: Id
  group_type: ClaimGroupType
  group_id: Id
  group_name: string
  claimed_by_name: string
  claimed_at: string
}

export interface CatalogueTopic {
  id: Id
  session_id: Id
  category: string
  topic: string
  description: string
  suggested_unit_ids: Id[]
  suggested_units: { id: Id; name: string }[]
  proposed_by: string
  sort: number
  allow_sharing: boolean
  claims: Claim[]
  /** The claiming groups' names joined by 、 (empty when unclaimed). */
  claimed_by: string
  /** Submitted proposals that picked this entry. */
  proposal_count: number
}

export interface TopicInput {
  session_id: Id
  category: string
  topic: string
  description: string
  suggested_unit_ids: Id[]
  proposed_by: string
  allow_sharing: boolean
}

export interface ClaimGroup {
  group_type: ClaimGroupType
  group_id: Id
  name: string
}

/** `GET /catalogue`: one session's catalogue as the caller may see it. */
export interface Catalogue {
  session_id: Id
  session_name: string
  state: CatalogueState
  claim_until: string | null
  published_at: string | null
  published_by_name: string | null
  claims_open: boolean
  can_edit: boolean
  topics: CatalogueTopic[]
  /** The groups the caller may claim topics for (group contacts). */
  my_groups: ClaimGroup[]
}

export interface CheckHit {
  topic_id: Id
  topic: string
  category: string
  claimed_by: string
  suggested_units: { id: Id; name: string }[]
  score: number
}

export interface CheckWarning extends CheckHit {
  kind: 'claimed_topic' | 'similar_claimed_topic'
  other_groups: string
  message: string
}

export interface CheckResult {
  session_id: Id
  topic: CheckHit | null
  warnings: CheckWarning[]
  matches: CheckHit[]
  threshold: number
}

export const fetchCatalogue = (sessionId?: Id | null) => request<Catalogue>('/catalogue', { query: { session_id: sessionId } })

export const createTopic = (input: TopicInput) => request<CatalogueTopic>('/catalogue/topics', { method: 'POST', body: input })

export const updateTopic = (id: Id, input: Partial<TopicInput>) => request<CatalogueTopic>(`/catalogue/topics/${id}`, { method: 'PATCH', body: input })

/** Silent: the caller shows the refusal (claimed or picked entries). */
export const deleteTopic = (id: Id) => request<void>(`/catalogue/topics/${id}`, { method: 'DELETE', silent: true })

export const reorderTopics = (sessionId: Id, topicIds: Id[]) =>
  request<Catalogue>('/catalogue/reorder', { method: 'POST', body: { session_id: sessionId, topic_ids: topicIds } })

export const publishCatalogue = (sessionId: Id) => request<Catalogue>('/catalogue/publish', { method: 'POST', body: { session_id: sessionId } })

export const unpublishCatalogue = (sessionId: Id) => request<Catalogue>('/catalogue/unpublish', { method: 'POST', body: { session_id: sessionId } })

/** Sets (a YYYY-MM-DD date) or clears (null) the claim deadline. */
export const setClaimUntil = (sessionId: Id, claimUntil: string | null) =>
  request<Catalogue>('/catalogue', { method: 'PATCH', body: { session_id: sessionId, claim_until: claimUntil } })

/** Claims a topic for `group` (the only group when left out); answers the topic with its claims. */
export const claimTopic = (topicId: Id, group?: ClaimGroup) =>
  request<CatalogueTopic>(`/catalogue/topics/${topicId}/claims`, {
    method: 'POST',
    body: group ? { group_type: group.group_type, group_id: group.group_id } : {},
  })

/** Withdraws (own group) or removes (staff) a claim; answers the topic. */
export const removeClaim = (claimId: Id) => request<CatalogueTopic>(`/catalogue/claims/${claimId}`, { method: 'DELETE' })

export const downloadCatalogue = (sessionId: Id | null, fallbackName: string) =>
  download('/catalogue/export.docx', { session_id: sessionId }, fallbackName)

export interface CheckInput {
  topic_id?: Id | null
  title: string
  body: string
  group_type?: string | null
  group_id?: Id | null
  session_id?: Id | null
}

/** Checks a draft against topics claimed by other groups (warnings only; silent on failure). */
export const checkDraft = (input: CheckInput) =>
  request<CheckResult>('/catalogue/check', {
    query: { ...input, body: input.body.slice(0, 300) },
    silent: true,
  })

// A topic's online deliberation (网络议政 / 远程协商): the window (the question, when it opens and
// closes), the members invited, their opinions with moderation (待审核 / 已发布 / 已隐藏) and the
// ones selected into the outcome. The server decides who may do what (can_* flags on the answer
// and on each opinion) and what each caller sees; every act answers with the whole deliberation.
import { request } from './client'
import type { Id } from './types'

export type DeliberationPhase = 'scheduled' | 'open' | 'closed'
export type OpinionState = 'pending' | 'published' | 'hidden'

export interface DeliberationWindow {
  id: Id
  topic_id: Id
  prompt: string
  opens_at: string
  closes_at: string
  closed_early: boolean
  closed_at: string | null
  phase: DeliberationPhase
  phase_label: string
  version: number
  created_at: string
  invitees_count: number
}

export interface DeliberationCounts {
  total?: number
  pending?: number
  published: number
  hidden?: number
  selected: number
}

export interface Opinion {
  id: Id
  deliberation_id: Id
  author_id: Id
  author_name: string
  body: string
  state: OpinionState
  state_label: string
  mine: boolean
  selected: boolean
  selected_at: string | null
  selected_by_name: string | null
  moderation_reason: string
  moderated_by_name: string
  moderated_at: string | null
  created_at: string
  updated_at: string
  can_edit: boolean
  can_withdraw: boolean
  can_publish: boolean
  can_hide: boolean
  can_select: boolean
}

export interface Deliberation {
  topic_id: Id
  topic_title: string
  topic_form: string
  topic_form_label: string
  window: DeliberationWindow | null
  counts: DeliberationCounts | null
  invited: boolean
  invitees: { user_id: Id; name: string; opinions: number }[]
  opinions: Opinion[]
  selected: Opinion[]
  /** The selected opinions as numbered text, ready to paste into the outcome's body. */
  selected_text: string
  can_open: boolean
  can_change: boolean
  can_close: boolean
  can_invite: boolean
  can_post: boolean
  can_moderate: boolean
  /** Why an invited member may not post now (not open yet, closed), from the server. */
  post_refusal: string | null
}

export interface MyDeliberation {
  id: Id
  topic_id: Id
  topic_title: string
  topic_form: string
  topic_form_label: string
  prompt: string
  opens_at: string
  closes_at: string
  phase: DeliberationPhase
  phase_label: string
  my_opinions: number
  can_post: boolean
  link: string
}

/** Whom to invite: people by account, and members by sector, special committee, party, standing committee. */
export interface DeliberationInvite {
  user_ids?: Id[]
  sector_ids?: Id[]
  special_committee_ids?: Id[]
  party_ids?: Id[]
  standing_committee?: boolean
}

export interface DeliberationInput extends DeliberationInvite {
  prompt: string
  /** UTC timestamps ("2026-12-08T01:30:00Z"); the window opens now when `opens_at` is left out. */
  opens_at?: string
  closes_at: string
}

export interface DeliberationChange {
  prompt?: string
  opens_at?: string
  closes_at?: string
}

const base = '/consultations'

export const getDeliberation = (topicId: Id) => request<Deliberation>(`${base}/topics/${topicId}/deliberation`)

export const listMyDeliberations = () =>
  request<{ items: MyDeliberation[]; total: number }>(`${base}/deliberations/mine`)

export const openDeliberation = (topicId: Id, input: DeliberationInput) =>
  request<Deliberation>(`${base}/topics/${topicId}/deliberation`, { method: 'POST', body: compactInvite(input), silent: true })

export const changeDeliberation = (w: Pick<DeliberationWindow, 'id' | 'version'>, input: DeliberationChange) =>
  request<Deliberation>(`${base}/deliberations/${w.id}`, { method: 'PATCH', body: { ...input, version: w.version }, silent: true })

export const closeDeliberation = (w: Pick<DeliberationWindow, 'id' | 'version'>) =>
  request<Deliberation>(`${base}/deliberations/${w.id}/close`, { method: 'POST', body: { version: w.version }, silent: true })

export const inviteToDeliberation = (id: Id, input: DeliberationInvite) =>
  request<Deliberation>(`${base}/deliberations/${id}/invitees`, { method: 'POST', body: compactInvite(input), silent: true })

export const postOpinion = (id: Id, body: string) =>
  request<Deliberation>(`${base}/deliberations/${id}/opinions`, { method: 'POST', body: { body }, silent: true })

export const editOpinion = (opinionId: Id, body: string) =>
  request<Deliberation>(`${base}/deliberation-opinions/${opinionId}`, { method: 'PATCH', body: { body }, silent: true })

export const withdrawOpinion = (opinionId: Id) =>
  request<Deliberation>(`${base}/deliberation-opinions/${opinionId}`, { method: 'DELETE', silent: true })

/** Publishes, or hides with a reason (required by the server). */
export function moderateOpinion(opinionId: Id, action: 'publish' | 'hide', reason?: string) {
  const body: { action: string; reason?: string } = { action }
  if (action === 'hide') body.reason = (reason ?? '').trim()
  return request<Deliberation>(`${base}/deliberation-opinions/${opinionId}/moderation`, { method: 'POST', body, silent: true })
}

export const selectOpinion = (opinionId: Id, selected: boolean) =>
  request<Deliberation>(`${base}/deliberation-opinions/${opinionId}/selection`, { method: 'POST', body: { selected }, silent: true })

/** The invitation without empty lists (and without standing_committee unless asked). */
export function compactInvite<T extends DeliberationInvite>(input: T): T {
  const out = { ...input }
  for (const k of ['user_ids', 'sector_ids', 'special_committee_ids', 'party_ids'] as const)
    if (!out[k] || out[k]!.length === 0) delete out[k]
  if (!out.standing_committee) delete out.standing_committee
  return out
}

/** A local date and time from an <el-date-picker> (a Date) as the server's UTC timestamp. */
export function toUtc(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/** A stored UTC timestamp as people in Beijing read it: "6月10日 09:00". */
export function beijingTime(utc: string): string {
  const t = new Date(utc)
  if (Number.isNaN(t.getTime())) return utc
  const b = new Date(t.getTime() + 8 * 3600 * 1000)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${b.getUTCMonth() + 1}月${b.getUTCDate()}日 ${pad(b.getUTCHours())}:${pad(b.getUTCMinutes())}`
}

/** The outcome's body with the selected opinions appended under a heading (once). */
export function appendSelected(body: string, selectedText: string, heading = '网络议政中委员的主要意见'): string {
  const text = selectedText.trim()
  if (!text) return body
  if (body.includes(text)) return body
  const sep = body.trim() ? '\n\n' : ''
  return `${body.replace(/\s+$/, '')}${sep}${heading}：\n${text}\n`
}

// /proposals (提案): the workflow table, lists scoped by role, drafts, one transition endpoint,
// the history, the Word/Excel documents, and the public (no login) proposals.
import { download, request, requestPage } from './client'
import type { Id, ListQuery, Page } from './types'

export type ProposalState =
  | 'draft'
  | 'awaiting_cosign'
  | 'submitted'
  | 'returned'
  | 'filed'
  | 'not_filed'
  | 'merged'
  | 'assigned'
  | 'in_handling'
  | 'reply_unit_review'
  | 'reply_cppcc_review'
  | 'replied'
  | 'feedback_received'
  | 'second_handling'
  | 'closed'

export type ProposalAction =
  | 'submit'
  | 'withdraw'
  | 'cosign'
  | 'file'
  | 'decline'
  | 'return_for_revision'
  | 'merge'
  | 'assign'
  | 'sign'
  | 'request_return'
  | 'reassign'
  | 'refuse_return'
  | 'record_consultation'
  | 'send_opinion'
  | 'submit_reply'
  | 'approve_reply'
  | 'reject_reply'
  | 'pass_reply'
  | 'send_back_reply'
  | 'request_extension'
  | 'grant_extension'
  | 'feedback'
  | 'close'
  | 'publish'
  | 'mark_key'

export type ProposalKind = 'individual' | 'joint' | 'collective' | 'recommendation'
export type GroupType = 'party' | 'sector' | 'organisation' | 'special_committee'
export type HandlingType = 'single' | 'lead_co' | 'split'
export type UnitRole = 'lead' | 'co'
/** D only where the committee enabled it (proposal settings). */
export type ResultCategory = 'A' | 'B' | 'C' | 'D'
export type Rating = 'satisfied' | 'basic' | 'unsatisfied'
export type Relation = 'proposer' | 'cosigner' | 'proposal_staff' | 'lead_unit_staff' | 'co_unit_staff' | 'lead_unit_leader'

/** The built-in categories (a committee keeps its own list in its settings: refs.categories). */
export const PROPOSAL_CATEGORIES = ['经济建设', '城市建设', '社会事业', '科教文卫', '政治法律', '其他'] as const
export type ProposalCategory = (typeof PROPOSAL_CATEGORIES)[number]

export interface Named {
  name: string
  label: string
}

export interface WorkflowTransition {
  from: ProposalState
  action: ProposalAction
  actor: Relation
  guard: string
  to: ProposalState
  deadline: string
}

/** The tab of 我的提案 a state belongs to. */
export type WorkflowPhase = 'drafts' | 'submitted' | 'handling' | 'replied' | 'closed'

export interface WorkflowState {
  name: ProposalState
  label: string
  phase: WorkflowPhase
}

/** The named state sets the server works from. */
export interface WorkflowSets {
  /** The proposer may edit the text. */
  editable: ProposalState[]
  /** A handling unit holds the proposal (its deadline runs). */
  handling: ProposalState[]
  /** A past due date makes it overdue. */
  overdue: ProposalState[]
  /** Others may be merged into it. */
  merge_target: ProposalState[]
}

/** Who may attach files of `purpose`, in which states. */
export interface WorkflowUpload {
  purpose: AttachmentPurpose
  actors: Relation[]
  states: ProposalState[]
}

/** Whom an action notifies. */
export interface WorkflowNotice {
  action: ProposalAction
  recipients: string[]
}

/**
 * `GET /proposals/workflow`: the whole workflow the server enforces — states with their
 * phase, actions, the transition table, the state sets, upload rules and notices.
 */
export interface Workflow {
  states: WorkflowState[]
  actions: Named[]
  transitions: WorkflowTransition[]
  sets: WorkflowSets
  uploads: WorkflowUpload[]
  notify: WorkflowNotice[]
}

/** One row of `GET /proposals`. */
export interface ProposalListItem {
  id: Id
  session_id: Id
  number: number | null
  number_label: string | null
  kind: ProposalKind
  title: string
  category: string
  proposer_name: string
  state: ProposalState
  state_label: string
  is_key: boolean
  due_date: string | null
  /** Working days to due_date by the committee's calendar (negative when overdue); null without a deadline. */
  working_days_left?: number | null
  overdue?: boolean | null
  /** 当面协商 after a still-unsatisfied second round: null when none is needed. */
  face_to_face_status?: FaceToFaceStatus | null
  submitted_at: string | null
  result_category: ResultCategory | null
  satisfaction: Rating | null
  round: number
  published: boolean
  version: number
  updated_at: string
}

export type FaceToFaceStatus = 'needed' | 'arranged' | 'done'

/** The face-to-face consultation staff arranged, and its outcome once held. */
export interface FaceToFaceMeeting {
  state: 'arranged' | 'done'
  meeting_date: string
  place: string
  attendees: string
  note: string
  outcome: string | null
  held_on: string | null
  arranged_at: string
  recorded_at: string | null
}

export interface Deadline {
  due_date: string
  working_days_left: number
  overdue: boolean
}

export interface Cosigner {
  member_id: Id
  user_id: Id
  name: string
  status: 'pending' | 'confirmed' | 'declined'
  due_at?: string | null
  answered_at?: string | null
}

export type AssignmentState = 'awaiting_sign' | 'signed' | 'return_requested' | 'reassigned' | 'opinion_sent' | 'replied'

export interface Assignment {
  id: Id
  unit_id: Id
  unit_name: string
  role: UnitRole
  state: AssignmentState
  round?: number
  sign_due: string | null
  opinion_due: string | null
  reply_due: string | null
  return_reason: string | null
  opinion: string | null
  signed_at?: string | null
}

export type ConsultationMethod = 'meeting' | 'forum' | 'phone' | 'site' | 'written'

export interface Consultation {
  id?: Id
  unit_name: string
  method: ConsultationMethod
  held_on: string
  people: string
  content: string
}

export type ReplyState = 'unit_review' | 'cppcc_review' | 'released' | 'sent_back'

export interface Reply {
  id: Id
  unit_name: string
  round: number
  body: string
  result_category: ResultCategory
  state: ReplyState
  comment: string | null
  created_at?: string
  released_at: string | null
}

export interface Feedback {
  round: number
  user_name: string
  rating: Rating
  consulted: string
  attitude: string
  answers_proposal: string
  comment: string
  created_at?: string
}

export interface Extension {
  id: Id
  reason: string
  requested_due: string
  state: string
}

export type AttachmentPurpose = 'proposal' | 'reply'

/** A file attached by the proposer (purpose proposal) or by a handling unit (purpose reply). */
export interface Attachment {
  id: Id
  purpose: AttachmentPurpose
  filename: string
  content_type: string
  size: number
  sha256?: string
  created_at: string
}

/** A progress note on a follow-up item. */
export interface FollowUpNote {
  at: string
  by: string
  note: string
}

/** 跟踪落实: what a unit committed to in a B or C reply, by when, and how it went. */
export interface FollowUp {
  id: Id
  commitment: string
  unit_name: string
  due_date: string | null
  progress: FollowUpNote[]
  done: boolean
}

export interface AllowedAction {
  action: ProposalAction
  label: string
}

/** `GET /proposals/{id}`: everything about one proposal, with what the caller may do now. */
export interface ProposalDetail extends ProposalListItem {
  situation: string
  analysis: string
  suggestions: string
  keywords: string
  suggested_unit_ids: Id[]
  proposer_user_id?: Id
  consent_publish: boolean
  consent_reason: string
  between_sessions: boolean
  group_type: GroupType | null
  group_id: Id | null
  catalogue_topic_id?: Id | null
  merged_into_id: Id | null
  decline_reason: string | null
  decline_conversion?: string | null
  review_comment: string | null
  handling_type: HandlingType | null
  key_leader_ids?: Id[]
  key_special_committee_id?: Id | null
  follow_up?: boolean
  face_to_face?: boolean
  /** Brought in by the historical import (历史导入), not handled here. */
  imported?: boolean
  deadline: Deadline | null
  session_name: string
  cosigners: Cosigner[]
  assignments: Assignment[]
  consultations: Consultation[]
  replies: Reply[]
  feedback: Feedback[]
  extensions: Extension[]
  /** Present on servers with attachments. */
  attachments?: Attachment[]
  /** Present on servers with follow-up items (B/C replies). */
  follow_ups?: FollowUp[]
  face_to_face_meeting?: FaceToFaceMeeting | null
  /** What the caller may do about the face-to-face consultation now. */
  face_to_face_actions?: ('arrange' | 'record')[]
  my_relations: Relation[]
  allowed_actions: AllowedAction[]
}

/** The fields of a draft (create and PATCH). */
export interface ProposalInput {
  title: string
  situation: string
  analysis: string
  suggestions: string
  category: string
  keywords: string
  kind: ProposalKind
  suggested_unit_ids: Id[]
  consent_publish: boolean
  consent_reason: string
  between_sessions: boolean
  /** Collective proposals only; left out otherwise. */
  group_type?: GroupType | null
  group_id?: Id | null
  session_id?: Id | null
  cosigner_member_ids: Id[]
  /** The entry of the session's topic catalogue it falls under (参考目录选题). */
  catalogue_topic_id?: Id | null
}

export interface HistoryEntry {
  id?: Id
  at: string
  actor_name: string
  role: string
  action: string
  from: string
  to: string
  payload: Record<string, unknown> | null
}

/** The payload of a transition besides action and version. */
export type TransitionPayload = Record<string, unknown>

export const fetchWorkflow = () => request<Workflow>('/proposals/workflow')

export const fetchDeclineReasons = async () => (await request<{ items: string[] }>('/proposals/decline-reasons')).items ?? []

/** Filters: q, session_id, state (comma list), category, sector_id, unit_id, key, mine, overdue. */
export const listProposals = (query: ListQuery = {}) => requestPage<ProposalListItem>('/proposals', query)

export const getProposal = (id: Id) => request<ProposalDetail>(`/proposals/${id}`)

export const createProposal = (input: ProposalInput) => request<ProposalDetail>('/proposals', { method: 'POST', body: input })

export const updateProposal = (id: Id, input: Partial<ProposalInput> & { version: number }) =>
  request<ProposalDetail>(`/proposals/${id}`, { method: 'PATCH', body: input })

/**
 * POST /proposals/{id}/transitions: performs one action. `silent` leaves showing the error to
 * the caller (forms with field errors, batch runs that collect failures).
 */
export const transition = (id: Id, action: ProposalAction, version: number, payload: TransitionPayload = {}, silent = false) =>
  request<ProposalDetail>(`/proposals/${id}/transitions`, { method: 'POST', body: { ...payload, action, version }, silent })

export const fetchHistory = async (id: Id) => (await request<{ items: HistoryEntry[] }>(`/proposals/${id}/history`)).items ?? []

export type ProposalDocument = 'form' | 'assignment-notice' | 'reply-letter'

/** The address of one generated Word document of a proposal. */
export const documentPath = (id: Id, doc: ProposalDocument) => `/proposals/${id}/documents/${doc}.docx`

/** Downloads a proposal's Word document; silent, so the page can say "not available" on 404. */
export const downloadDocument = (id: Id, doc: ProposalDocument, fallbackName: string) =>
  download(documentPath(id, doc), undefined, fallbackName, { silent: true })

/** A session's proposals as an .xlsx list. */
export const downloadExport = (sessionId: Id | null, fallbackName: string) =>
  download('/proposals/export.xlsx', { session_id: sessionId }, fallbackName, { silent: true })

/** A session's filed proposals as one .docx compendium (提案汇编). */
export const downloadCompendium = (sessionId: Id | null, fallbackName: string) =>
  download('/proposals/compendium.docx', { session_id: sessionId }, fallbackName, { silent: true })

export const listAttachments = async (id: Id) => (await request<{ items: Attachment[] }>(`/proposals/${id}/attachments`)).items ?? []

/** POST /proposals/{id}/attachments (multipart, field `file`): PDF, Word or an image, at most 20 MB. */
export function uploadAttachment(id: Id, file: File): Promise<Attachment> {
  const form = new FormData()
  form.append('file', file, file.name)
  return request<Attachment>(`/proposals/${id}/attachments`, { method: 'POST', form, silent: true })
}

export const downloadAttachment = (id: Id, a: Pick<Attachment, 'id' | 'filename'>) => download(`/proposals/${id}/attachments/${a.id}`, undefined, a.filename)

export const deleteAttachment = (id: Id, attachmentId: Id) => request<void>(`/proposals/${id}/attachments/${attachmentId}`, { method: 'DELETE', silent: true })

/** POST /proposals/{id}/follow-ups: the lead unit or staff record a commitment of a B/C reply. */
export const addFollowUp = (id: Id, input: { commitment: string; due_date: string; unit_id?: Id }) =>
  request<{ id: Id }>(`/proposals/${id}/follow-ups`, { method: 'POST', body: input, silent: true })

/** POST /proposals/{id}/follow-ups/{fid}/progress: a progress note, optionally marking it done. */
export const addFollowUpProgress = (id: Id, followUpId: Id, input: { note: string; done: boolean }) =>
  request<unknown>(`/proposals/${id}/follow-ups/${followUpId}/progress`, { method: 'POST', body: input, silent: true })

/** 提案设置: the committee's lists, windows and reminder points. */
export interface ProposalSettingsValues {
  decline_reasons: string[]
  cosign_window_days: number
  result_d_enabled: boolean
  sign_window_working_days: number
  opinion_months: number
  reply_months: number
  max_reply_months: number
  second_handling_months: number
  reminder_days: number[]
  /** The notice kinds that also go by SMS ("proposal.assign", "deadline.reminder", …). */
  sms_kinds?: string[]
}

/** GET /proposals/settings: the values, what they allow, and the defaults. */
export interface ProposalSettings extends ProposalSettingsValues {
  result_categories: ResultCategory[]
  /** The committee's proposal categories in order (drafts, the import and the catalogue use them). */
  categories?: string[]
  /** Every notice kind a committee may also send by SMS, in the workflow's order. */
  sms_kind_options?: string[]
  customised: boolean
  updated_at: string | null
  defaults: ProposalSettingsValues
}

export const fetchProposalSettings = () => request<ProposalSettings>('/proposals/settings')

/** PUT /proposals/settings (admin, proposal staff); silent so the form shows field errors. */
export const saveProposalSettings = (values: ProposalSettingsValues) =>
  request<ProposalSettings>('/proposals/settings', { method: 'PUT', body: values, silent: true })

/** GET /proposals/leaders: the leaders a key proposal may name (admin, proposal staff). */
export const fetchLeaders = async () => (await request<{ items: { id: Id; name: string }[] }>('/proposals/leaders', { silent: true })).items ?? []

export interface FaceToFaceArrangement {
  meeting_date: string
  place: string
  attendees: string
  note?: string
}

/** POST /proposals/{id}/face-to-face: staff arrange (or move) the meeting. */
export const arrangeFaceToFace = (id: Id, input: FaceToFaceArrangement) =>
  request<ProposalDetail>(`/proposals/${id}/face-to-face`, { method: 'POST', body: input, silent: true })

/** POST /proposals/{id}/face-to-face/outcome: staff record what the meeting came to. */
export const recordFaceToFaceOutcome = (id: Id, input: { outcome: string; held_on?: string }) =>
  request<ProposalDetail>(`/proposals/${id}/face-to-face/outcome`, { method: 'POST', body: input, silent: true })

/** One published proposal as the public sees it. */
export interface PublicProposal {
  id: Id
  number_label: string | null
  title: string
  category: string
  proposer_name: string
  result_category: ResultCategory | null
  published_at: string
  situation?: string
  analysis?: string
  suggestions?: string
  replies?: { unit_name: string; body: string; result_category: ResultCategory; released_at: string }[]
}

export const listPublicProposals = (query: ListQuery = {}): Promise<Page<PublicProposal>> =>
  requestPage<PublicProposal>('/public/proposals', query)

export const getPublicProposal = (id: Id) => request<PublicProposal>(`/public/proposals/${id}`)

/** One entry of the member directory, for the co-signer picker. */
export interface DirectoryMember {
  id: Id
  name: string
  sector_name: string
}

/** GET /members/directory?q=: any signed-in member may search it (404 on servers without it). */
export const searchMemberDirectory = (q: string) =>
  request<Page<DirectoryMember>>('/members/directory', { query: { q, page_size: 20 }, silent: true })

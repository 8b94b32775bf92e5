// /meetings (会议活动): meetings and activities with invitations, replies (回执) and leave,
// the rotating QR sign-in, the live board, speeches and minutes, and the member's 我的活动.
import { download, request, requestPage } from './client'
import type { Id, ListQuery, Page } from './types'

export type MeetingKind =
  | 'consultation'
  | 'symposium'
  | 'plenary'
  | 'standing'
  | 'chairs'
  | 'activity'
  | 'inspection'
  | 'research'
  | 'briefing'
  | 'training'
  | 'other'
export const MEETING_KINDS: readonly MeetingKind[] = [
  'consultation',
  'symposium',
  'plenary',
  'standing',
  'chairs',
  'activity',
  'inspection',
  'research',
  'briefing',
  'training',
  'other',
]
export type MeetingState = 'draft' | 'notified' | 'held' | 'cancelled'
export type MeetingPhase = 'upcoming' | 'ongoing' | 'past'
export type Reply = 'none' | 'attend' | 'leave'
export type LeaveState = 'pending' | 'approved' | 'rejected'
export type Attendance = 'none' | 'present' | 'absent'
export type InvitedAs = 'member' | 'staff' | 'unit' | 'guest'
export type SpeechMode = 'oral' | 'written'
export type SpeechState = 'applied' | 'arranged' | 'declined'
export type MeetingAccess = 'manager' | 'reader' | 'invitee' | 'calendar'
export type MeetingAction =
  | 'edit'
  | 'invite'
  | 'cancel'
  | 'notify'
  | 'remind'
  | 'sign_in_code'
  | 'mark_attendance'
  | 'decide_leave'
  | 'arrange_speeches'
  | 'edit_minutes'
  | 'approve_minutes'
  | 'reply'
  | 'sign_in'
  | 'speak'

export interface MeetingSummary {
  id: Id
  kind: MeetingKind
  title: string
  place: string
  starts_at: string
  ends_at: string
  state: MeetingState
  phase: MeetingPhase
  special_committee_id: Id | null
  special_committee_name?: string | null
  subject_type: string | null
  subject_id: Id | null
}

/** The caller's own invitation (theirs, or their unit's). */
export interface MyInvitation {
  invitee_id: Id
  invited_as: InvitedAs
  reply: Reply
  leave_reason: string
  leave_state: LeaveState | null
  leave_note: string
  replied_at: string | null
  attendance: Attendance
  signed_in_at: string | null
  sign_in_how: 'qr' | 'manual' | null
}

export interface Meeting extends MeetingSummary {
  access: MeetingAccess
  /** True for a reader of the published calendar: only the summary's fields. */
  limited: boolean
  actions: MeetingAction[]
  agenda?: string
  notified_at?: string | null
  cancel_reason?: string
  version?: number
  minutes?: string
  minutes_state?: 'draft' | 'approved'
  minutes_approved_at?: string | null
  invitee_count?: number
  my?: MyInvitation | null
}

export interface MeetingInput {
  kind: MeetingKind
  title: string
  agenda: string
  place: string
  starts_at: string
  ends_at: string
  special_committee_id: Id | null
  subject_type?: string | null
  subject_id?: Id | null
}

/** One invitee as organisers see them: the invitation's reply, leave and attendance, and who. */
export interface Invitee extends Omit<MyInvitation, 'invitee_id'> {
  id: Id
  user_id: Id | null
  unit_id: Id | null
  name: string
  employer: string
  manual_reason: string
  marked_by_name: string | null
}

export interface ReplyChange {
  invitee_id: Id
  from: Reply
  to: Reply
  reason: string
  by_name: string | null
  at: string
}

export interface InviteInput {
  user_ids?: Id[]
  sector_ids?: Id[]
  special_committee_ids?: Id[]
  party_ids?: Id[]
  unit_ids?: Id[]
  standing_committee?: boolean
  guests?: { name: string; employer: string }[]
}

export interface Board {
  meeting: MeetingSummary
  expected: number
  signed_in: number
  on_leave: number
  leave_pending: number
  absent: number
  no_reply: number
  attending: number
  not_arrived: number
  rows: Invitee[]
}

export interface SignInCode {
  token: string
  url: string
  refresh_in: number
  valid_from: string
  valid_until: string
}

export interface Speech {
  id: Id
  user_id: Id
  name: string
  title: string
  mode: SpeechMode
  body: string
  position: number
  state: SpeechState
  mine: boolean
  created_at: string
}

export interface MyMeetings {
  invitations: (MeetingSummary & { my: MyInvitation })[]
  upcoming: (MeetingSummary & { my: MyInvitation })[]
  past: (MeetingSummary & { my: MyInvitation })[]
}

/** Filters: from, to (YYYY-MM-DD), kind, state, subject_type + subject_id, mine=1, order=asc, q. */
export const listMeetings = (query: ListQuery = {}): Promise<Page<MeetingSummary>> => requestPage<MeetingSummary>('/meetings', query)
export const myMeetings = () => request<MyMeetings>('/meetings/mine')
export const getMeeting = (id: Id) => request<Meeting>(`/meetings/${id}`)
export const createMeeting = (input: MeetingInput) => request<Meeting>('/meetings', { method: 'POST', body: input })
export const updateMeeting = (id: Id, input: Partial<MeetingInput> & { version: number }) =>
  request<Meeting>(`/meetings/${id}`, { method: 'PATCH', body: input })
export const cancelMeeting = (id: Id, reason: string) => request<Meeting>(`/meetings/${id}/cancel`, { method: 'POST', body: { reason } })

export const listInvitees = (id: Id) => request<{ items: Invitee[]; total: number; reply_changes: ReplyChange[] }>(`/meetings/${id}/invitees`)
export const inviteToMeeting = (id: Id, input: InviteInput) => request<Meeting>(`/meetings/${id}/invitees`, { method: 'POST', body: input })
export const removeInvitee = (id: Id, inviteeId: Id) => request<void>(`/meetings/${id}/invitees/${inviteeId}`, { method: 'DELETE' })
export const notifyMeeting = (id: Id) => request<Meeting>(`/meetings/${id}/notify`, { method: 'POST', body: {} })
export const remindMeeting = (id: Id) => request<Meeting>(`/meetings/${id}/remind`, { method: 'POST', body: {} })

export const replyToMeeting = (id: Id, reply: 'attend' | 'leave', reason = '') =>
  request<Meeting>(`/meetings/${id}/reply`, { method: 'PUT', body: reply === 'leave' ? { reply, reason } : { reply } })
export const decideLeave = (id: Id, inviteeId: Id, decision: 'approve' | 'reject', note = '') =>
  request<Meeting>(`/meetings/${id}/invitees/${inviteeId}/leave`, { method: 'POST', body: { decision, note } })

export const fetchSignInCode = (id: Id) => request<SignInCode>(`/meetings/${id}/sign-in-code`, { silent: true })
/** Signs in with a scanned code; silent: the landing page shows the reason of a refusal. */
export const signIn = (id: Id, token: string) => request<Meeting>(`/meetings/${id}/sign-in`, { method: 'POST', body: { token }, silent: true })
export const markAttendance = (id: Id, inviteeId: Id, status: 'present' | 'absent', reason: string) =>
  request<Meeting>(`/meetings/${id}/invitees/${inviteeId}/attendance`, { method: 'POST', body: { status, reason } })
export const fetchBoard = (id: Id) => request<Board>(`/meetings/${id}/board`, { silent: true })

export const listSpeeches = (id: Id) => request<{ items: Speech[]; total: number }>(`/meetings/${id}/speeches`)
export const applySpeech = (id: Id, input: { title: string; mode: SpeechMode; body: string }) =>
  request<{ items: Speech[] }>(`/meetings/${id}/speeches`, { method: 'POST', body: input })
export const orderSpeeches = (id: Id, ids: Id[]) => request<Meeting>(`/meetings/${id}/speeches/order`, { method: 'PUT', body: { ids } })
export const decideSpeech = (id: Id, speechId: Id, decision: 'arrange' | 'decline') =>
  request<Meeting>(`/meetings/${id}/speeches/${speechId}/decision`, { method: 'POST', body: { decision } })

export const saveMinutes = (id: Id, text: string) => request<Meeting>(`/meetings/${id}/minutes`, { method: 'PUT', body: { text } })
export const approveMinutes = (id: Id) => request<Meeting>(`/meetings/${id}/minutes/approve`, { method: 'POST', body: {} })
export const downloadMeetingDocument = (id: Id, which: 'notice' | 'minutes') =>
  download(`/meetings/${id}/documents/${which}`, undefined, which === 'notice' ? '会议通知.docx' : '会议纪要.docx')

/** The stored UTC form ("2026-12-08T01:30:00Z") of a local date-time picked in the browser. */
export function toUtc(local: Date): string {
  return local.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/** The sign-in page's absolute address for a code (what the QR code holds). */
export function signInAddress(origin: string, code: Pick<SignInCode, 'url'>): string {
  return origin.replace(/\/+$/, '') + code.url
}

/** What a reply, leave and attendance add up to, for one invitee: the status a list shows. */
export type InviteeStatus = 'present' | 'absent' | 'on_leave' | 'leave_pending' | 'leave_rejected' | 'attending' | 'no_reply'
export function inviteeStatus(x: Pick<Invitee, 'reply' | 'leave_state' | 'attendance'>): InviteeStatus {
  if (x.attendance === 'present') return 'present'
  if (x.attendance === 'absent') return 'absent'
  if (x.reply === 'leave') return x.leave_state === 'approved' ? 'on_leave' : x.leave_state === 'rejected' ? 'leave_rejected' : 'leave_pending'
  if (x.reply === 'attend') return 'attending'
  return 'no_reply'
}

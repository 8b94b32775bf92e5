// A topic's research (调研) and inspections (视察): the activity with its team (the committee's
// people and outside experts), outline, site visits with photos and materials, and the report
// written in versions and approved by the topic's lead leader. The server decides who may do
// what: each activity carries the caller's allowed actions and can_* flags.
import { API_BASE, download, request } from './client'
import type { Id } from './types'

export type ResearchKind = 'research' | 'inspection'
export type ResearchState = 'drafting' | 'reviewing' | 'final'
export type TeamRole = 'leader' | 'member' | 'expert' | 'staff'
export type FilePurpose = 'photo' | 'material' | 'report'

export interface TeamMember {
  id?: Id
  user_id: Id | null
  role: TeamRole
  role_label?: string
  name: string
  employer: string
  title: string
}

export interface ResearchFile {
  id: Id
  visit_id: Id | null
  purpose: FilePurpose
  purpose_label: string
  filename: string
  content_type: string
  size: number
  uploaded_by_name: string
  created_at: string
  url: string
  can_delete: boolean
}

export interface ResearchVisit {
  id: Id
  visited_on: string
  place: string
  participants: string
  notes: string
  member_user_ids: Id[]
  members: { user_id: Id; name: string }[]
  photos: ResearchFile[]
  materials: ResearchFile[]
  version: number
  can_edit: boolean
  can_upload: boolean
}

export interface ReportDraft {
  version: number
  body: string
  author_name: string
  at: string
}

export interface ReviewStep {
  action: string
  action_label: string
  from: string
  to: string
  note: string
  actor_name: string
  at: string
}

export interface Research {
  id: Id
  topic_id: Id
  topic_title: string
  kind: ResearchKind
  kind_label: string
  title: string
  outline: string
  state: ResearchState
  state_label: string
  leader: { user_id: Id | null; name: string } | null
  team: TeamMember[]
  visits: ResearchVisit[]
  files: ResearchFile[]
  report: { body: string; version: number; drafts: ReportDraft[]; history: ReviewStep[] }
  version: number
  finalised_at: string | null
  /** The caller's role on the team ('' when not on it). */
  my_role: string
  /** 'final_report': a counterpart unit reading the approved report only. */
  sight: 'full' | 'final_report'
  allowed_actions: { action: string; label: string }[]
  can_edit: boolean
  can_write_report: boolean
  can_add_visit: boolean
  can_upload: boolean
}

export interface TopicResearch {
  items: Research[]
  total: number
  can_create: boolean
}

export interface MyResearch {
  id: Id
  topic_id: Id
  topic_title: string
  topic_state: string
  topic_state_label: string
  kind: ResearchKind
  kind_label: string
  title: string
  state: ResearchState
  state_label: string
  role: TeamRole
  role_label: string
  visits: number
  next_visit: { visited_on: string; place: string } | null
}

export interface ResearchInput {
  kind?: ResearchKind
  title?: string
  outline?: string
  /** Replaces the whole team. */
  team?: Pick<TeamMember, 'user_id' | 'role' | 'name' | 'employer' | 'title'>[]
}

export interface VisitInput {
  visited_on?: string
  place?: string
  participants?: string
  notes?: string
  member_user_ids?: Id[]
}

const base = '/consultations'

export const listTopicResearch = (topicId: Id) => request<TopicResearch>(`${base}/topics/${topicId}/research`)

export const getResearch = (id: Id) => request<Research>(`${base}/research/${id}`)

export const listMyResearch = () => request<{ items: MyResearch[]; total: number }>(`${base}/research/mine`)

export const createResearch = (topicId: Id, input: ResearchInput & { kind: ResearchKind; title: string }) =>
  request<Research>(`${base}/topics/${topicId}/research`, { method: 'POST', body: input, silent: true })

export const updateResearch = (r: Pick<Research, 'id' | 'version'>, input: ResearchInput) =>
  request<Research>(`${base}/research/${r.id}`, { method: 'PATCH', body: { ...input, version: r.version }, silent: true })

export const addVisit = (researchId: Id, input: VisitInput & { visited_on: string; place: string }) =>
  request<Research>(`${base}/research/${researchId}/visits`, { method: 'POST', body: input, silent: true })

export const updateVisit = (v: Pick<ResearchVisit, 'id' | 'version'>, input: VisitInput) =>
  request<Research>(`${base}/research-visits/${v.id}`, { method: 'PATCH', body: { ...input, version: v.version }, silent: true })

/** POST …/research/{id}/files (multipart, field `file`): a photo (PNG/JPEG, of a visit), a material
 * (PDF, Word or an image) or the report file (PDF or Word); at most 20 MB. */
export function uploadResearchFile(researchId: Id, file: File, purpose: FilePurpose, visitId?: Id | null): Promise<Research> {
  const form = new FormData()
  form.append('file', file, file.name)
  const query: Record<string, string | number | undefined> = { purpose }
  if (visitId) query.visit_id = visitId
  return request<Research>(`${base}/research/${researchId}/files`, { method: 'POST', form, query, silent: true })
}

export const deleteResearchFile = (fileId: Id) => request<Research>(`${base}/research-files/${fileId}`, { method: 'DELETE', silent: true })

export const downloadResearchFile = (f: Pick<ResearchFile, 'id' | 'filename'>) => download(`${base}/research-files/${f.id}`, undefined, f.filename)

/** The address of a file for an <img> (photos are shown in place; the session cookie goes along). */
export const researchFileUrl = (f: Pick<ResearchFile, 'id'>) => `${API_BASE}${base}/research-files/${f.id}`

/** Saves a new version of the report (only while it is drafted). */
export const saveReport = (r: Pick<Research, 'id' | 'version'>, body: string) =>
  request<Research>(`${base}/research/${r.id}/report`, { method: 'POST', body: { version: r.version, body }, silent: true })

/** submit (those who run the topic), approve or send_back (the lead leader; a reason is required to send back). */
export const researchStep = (r: Pick<Research, 'id' | 'version'>, action: string, note?: string) =>
  request<Research>(`${base}/research/${r.id}/transitions`, {
    method: 'POST',
    body: note ? { action, version: r.version, note } : { action, version: r.version },
    silent: true,
  })

/** A team as the server takes it: experts without an account, the committee's people by account. */
export function teamInput(team: TeamMember[]): NonNullable<ResearchInput['team']> {
  return team
    .filter((m) => (m.role === 'expert' ? m.name.trim() !== '' : m.user_id != null))
    .map((m) =>
      m.role === 'expert'
        ? { user_id: null, role: m.role, name: m.name.trim(), employer: m.employer.trim(), title: m.title.trim() }
        : { user_id: m.user_id, role: m.role, name: '', employer: '', title: '' },
    )
}

/** The visit still to come first on or after `today` (YYYY-MM-DD), or null. */
export function nextVisit(visits: Pick<ResearchVisit, 'visited_on'>[], today: string) {
  return [...visits].filter((v) => v.visited_on >= today).sort((a, b) => a.visited_on.localeCompare(b.visited_on))[0] ?? null
}

/** A file size for people: 1.2 MB, 35 KB. */
export function fileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`
  return `${Math.max(1, Math.round(bytes / 1024))} KB`
}

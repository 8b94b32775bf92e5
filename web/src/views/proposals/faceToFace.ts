// 当面协商: the two small forms proposal staff fill in for a proposal still unsatisfied after
// second handling (arrange the meeting, record its outcome), their rules and payloads, and how
// the flag shows.
import type { FaceToFaceArrangement, FaceToFaceStatus, ProposalDetail } from '@/api/proposals'
import type { TagType } from '@/utils/proposals'

export type FaceToFaceMode = 'arrange' | 'record'

export interface FaceToFaceValues {
  meeting_date: string | null
  place: string
  attendees: string
  note: string
  outcome: string
  held_on: string | null
}

/** The starting values: the current arrangement when moving it, else empty. */
export function faceToFaceStart(detail: Pick<ProposalDetail, 'face_to_face_meeting'>, mode: FaceToFaceMode): FaceToFaceValues {
  const m = detail.face_to_face_meeting
  return {
    meeting_date: m?.meeting_date ?? null,
    place: m?.place ?? '',
    attendees: m?.attendees ?? '',
    note: m?.note ?? '',
    outcome: '',
    held_on: mode === 'record' ? (m?.meeting_date ?? null) : null,
  }
}

/** Field → i18n key of its problem (`today` as YYYY-MM-DD). */
export function faceToFaceProblems(mode: FaceToFaceMode, v: FaceToFaceValues, today: string): Record<string, string> {
  const out: Record<string, string> = {}
  if (mode === 'arrange') {
    if (!v.meeting_date) out.meeting_date = 'validation.required'
    else if (v.meeting_date < today) out.meeting_date = 'faceToFace.problem.past'
    if (!v.place.trim()) out.place = 'validation.required'
    if (!v.attendees.trim()) out.attendees = 'validation.required'
  } else {
    if (!v.outcome.trim()) out.outcome = 'validation.required'
    if (v.held_on && v.held_on > today) out.held_on = 'faceToFace.problem.future'
  }
  return out
}

export function arrangePayload(v: FaceToFaceValues): FaceToFaceArrangement {
  const out: FaceToFaceArrangement = { meeting_date: v.meeting_date ?? '', place: v.place.trim(), attendees: v.attendees.trim() }
  if (v.note.trim()) out.note = v.note.trim()
  return out
}

export function outcomePayload(v: FaceToFaceValues): { outcome: string; held_on?: string } {
  return v.held_on ? { outcome: v.outcome.trim(), held_on: v.held_on } : { outcome: v.outcome.trim() }
}

/** The colour of the flag: still to arrange orange, arranged blue, done green. */
export function faceToFaceTagType(status: FaceToFaceStatus): TagType {
  return status === 'needed' ? 'warning' : status === 'arranged' ? 'primary' : 'success'
}

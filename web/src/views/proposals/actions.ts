// The small form of each workflow action: its fields, their defaults and rules, and the payload
// sent to POST /proposals/{id}/transitions. The detail page shows one button per action the
// server allows (allowed_actions) and opens the form described here.
import type { HandlingType, ProposalAction, ProposalDetail, TransitionPayload } from '@/api/proposals'
import { assignProblem, unitsFor, type UnitChoice } from '@/utils/proposals'

export type FieldKind = 'textarea' | 'input' | 'select' | 'multi' | 'radio' | 'date' | 'switch' | 'assign' | 'proposal'

/** Where a select's options come from (loaded by the dialog). */
export type OptionSource = 'declineReasons' | 'resultCategories' | 'units' | 'returnRequests' | 'pendingExtensions' | 'leaders' | 'specialCommittees' | 'myUnits'

export interface ActionField {
  name: string
  kind: FieldKind
  /** i18n key of the label. */
  label: string
  required?: boolean
  /** Static choices: values whose labels are `enums.<enum>.<value>`. */
  enumName?: string
  values?: readonly string[]
  source?: OptionSource
  maxlength?: number
  /** i18n key of a hint under the field. */
  hint?: string
  /** Shown only when this returns true for the current values. */
  when?: (values: ActionValues) => boolean
}

export interface ActionForm {
  fields: ActionField[]
  /** i18n key of a sentence that explains what the action does (shown above the fields). */
  intro?: string
  /** A button in red: the action refuses or sends back. */
  danger?: boolean
}

export type ActionValues = Record<string, unknown>

export const CONSULTATION_METHODS = ['meeting', 'forum', 'phone', 'site', 'written'] as const
/** Every result category there is; a reply offers those the committee's settings allow (D only when enabled). */
export const RESULT_CATEGORIES = ['A', 'B', 'C', 'D'] as const
export const RATINGS = ['satisfied', 'basic', 'unsatisfied'] as const
export const CONSULTED = ['face_to_face', 'phone', 'written', 'none'] as const
export const ATTITUDES = ['good', 'fair', 'poor'] as const
export const ANSWERS = ['yes', 'partly', 'no'] as const
export const CONVERSIONS = ['none', 'opinion', 'social_info'] as const
export const HANDLING_TYPES: readonly HandlingType[] = ['single', 'lead_co', 'split']

const comment = (required: boolean): ActionField => ({ name: 'comment', kind: 'textarea', label: 'proposal.f.comment', required, maxlength: 1000 })

export const ACTION_FORMS: Record<ProposalAction, ActionForm> = {
  submit: { fields: [], intro: 'proposal.intro.submit' },
  withdraw: { fields: [], intro: 'proposal.intro.withdraw' },
  cosign: {
    fields: [{ name: 'accept', kind: 'radio', label: 'proposal.f.cosignAnswer', required: true, enumName: 'cosignAnswer', values: ['accept', 'decline'] }],
    intro: 'proposal.intro.cosign',
  },
  file: { fields: [], intro: 'proposal.intro.file' },
  decline: {
    danger: true,
    fields: [
      { name: 'reason', kind: 'select', label: 'proposal.f.declineReason', required: true, source: 'declineReasons' },
      { name: 'conversion', kind: 'radio', label: 'proposal.f.conversion', required: true, enumName: 'conversion', values: CONVERSIONS },
      { name: 'comment', kind: 'textarea', label: 'proposal.f.comment', maxlength: 500 },
    ],
  },
  return_for_revision: { danger: true, fields: [{ ...comment(true), label: 'proposal.f.revisionComment' }] },
  merge: {
    fields: [{ name: 'into_id', kind: 'proposal', label: 'proposal.f.mergeInto', required: true, hint: 'proposal.hint.merge' }],
  },
  assign: { fields: [{ name: 'assign', kind: 'assign', label: 'proposal.f.units', required: true }] },
  sign: { fields: [], intro: 'proposal.intro.sign' },
  request_return: {
    danger: true,
    fields: [{ name: 'reason', kind: 'textarea', label: 'proposal.f.returnReason', required: true, maxlength: 500 }],
    intro: 'proposal.intro.requestReturn',
  },
  reassign: {
    fields: [
      { name: 'assignment_id', kind: 'select', label: 'proposal.f.returnRequest', required: true, source: 'returnRequests' },
      { name: 'unit_id', kind: 'select', label: 'proposal.f.newUnit', required: true, source: 'units' },
    ],
  },
  refuse_return: {
    danger: true,
    fields: [
      { name: 'assignment_id', kind: 'select', label: 'proposal.f.returnRequest', required: true, source: 'returnRequests' },
      { ...comment(false), maxlength: 500 },
    ],
  },
  record_consultation: {
    fields: [
      { name: 'method', kind: 'radio', label: 'proposal.f.method', required: true, enumName: 'consultationMethod', values: CONSULTATION_METHODS },
      { name: 'held_on', kind: 'date', label: 'proposal.f.heldOn', required: true },
      { name: 'people', kind: 'input', label: 'proposal.f.people', maxlength: 200 },
      { name: 'content', kind: 'textarea', label: 'proposal.f.content', required: true, maxlength: 5000 },
    ],
    intro: 'proposal.intro.consultation',
  },
  send_opinion: { fields: [{ name: 'opinion', kind: 'textarea', label: 'proposal.f.opinion', required: true, maxlength: 10000 }] },
  submit_reply: {
    fields: [
      { name: 'result_category', kind: 'radio', label: 'proposal.f.resultCategory', required: true, enumName: 'resultCategory', values: RESULT_CATEGORIES, source: 'resultCategories' },
      { name: 'body', kind: 'textarea', label: 'proposal.f.replyBody', required: true, maxlength: 50000 },
    ],
    intro: 'proposal.intro.reply',
  },
  approve_reply: { fields: [comment(false)] },
  reject_reply: { danger: true, fields: [comment(true)] },
  pass_reply: { fields: [comment(false)], intro: 'proposal.intro.passReply' },
  send_back_reply: { danger: true, fields: [comment(true)] },
  request_extension: {
    fields: [
      { name: 'requested_due', kind: 'date', label: 'proposal.f.requestedDue', required: true, hint: 'proposal.hint.extension' },
      { name: 'reason', kind: 'textarea', label: 'proposal.f.extensionReason', required: true, maxlength: 500 },
    ],
  },
  grant_extension: {
    fields: [
      { name: 'extension_id', kind: 'select', label: 'proposal.f.extension', required: true, source: 'pendingExtensions' },
      { name: 'approve', kind: 'radio', label: 'proposal.f.decision', required: true, enumName: 'approval', values: ['approve', 'refuse'] },
    ],
  },
  feedback: {
    fields: [
      { name: 'rating', kind: 'radio', label: 'proposal.f.rating', required: true, enumName: 'rating', values: RATINGS, hint: 'proposal.hint.unsatisfied' },
      { name: 'consulted', kind: 'radio', label: 'proposal.f.consulted', required: true, enumName: 'consulted', values: CONSULTED },
      { name: 'attitude', kind: 'radio', label: 'proposal.f.attitude', required: true, enumName: 'attitude', values: ATTITUDES },
      { name: 'answers_proposal', kind: 'radio', label: 'proposal.f.answersProposal', required: true, enumName: 'answers', values: ANSWERS },
      { name: 'comment', kind: 'textarea', label: 'proposal.f.feedbackComment', maxlength: 2000 },
    ],
    intro: 'proposal.intro.feedback',
  },
  close: { fields: [], intro: 'proposal.intro.close' },
  publish: { fields: [], intro: 'proposal.intro.publish' },
  mark_key: {
    fields: [
      { name: 'key', kind: 'switch', label: 'proposal.f.isKey' },
      { name: 'leader_ids', kind: 'multi', label: 'proposal.f.keyLeaders', source: 'leaders', when: (v) => v.key === true },
      { name: 'special_committee_id', kind: 'select', label: 'proposal.f.keyCommittee', source: 'specialCommittees', when: (v) => v.key === true },
    ],
  },
}

/** The form of `action`; an action the page does not know gets a plain confirmation. */
export function formOf(action: string): ActionForm {
  return ACTION_FORMS[action as ProposalAction] ?? { fields: [] }
}

/** The starting values of an action's form for this proposal. */
export function initialValues(action: string, detail?: Pick<ProposalDetail, 'is_key' | 'key_leader_ids' | 'key_special_committee_id' | 'extensions' | 'assignments'> | null): ActionValues {
  const values: ActionValues = {}
  for (const f of formOf(action).fields) {
    if (f.kind === 'switch') values[f.name] = false
    else if (f.kind === 'multi') values[f.name] = []
    else if (f.kind === 'assign') {
      values.handling_type = 'single'
      values.units = unitsFor('single')
    } else values[f.name] = f.name === 'conversion' ? 'none' : null
  }
  if (action === 'mark_key' && detail) {
    values.key = !detail.is_key
    values.leader_ids = [...(detail.key_leader_ids ?? [])]
    values.special_committee_id = detail.key_special_committee_id ?? null
  }
  if (action === 'grant_extension' && detail) {
    const pending = detail.extensions.filter((e) => e.state === 'requested')
    if (pending.length === 1) values.extension_id = pending[0].id
  }
  if ((action === 'reassign' || action === 'refuse_return') && detail) {
    const asked = detail.assignments.filter((a) => a.state === 'return_requested')
    if (asked.length === 1) values.assignment_id = asked[0].id
  }
  return values
}

function empty(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0)
}

/**
 * The problems of the values: missing required fields (by name → 'validation.required') and the
 * assignment rule. Answers field name → i18n key.
 */
export function problems(action: string, values: ActionValues): Record<string, string> {
  const out: Record<string, string> = {}
  for (const f of formOf(action).fields) {
    if (f.when && !f.when(values)) continue
    if (f.kind === 'assign') {
      const p = assignProblem(values.handling_type as HandlingType, (values.units as UnitChoice[]) ?? [])
      if (p) out.assign = p
      continue
    }
    if (f.required && empty(values[f.name])) out[f.name] = 'validation.required'
  }
  return out
}

/** The transition payload of the values (empty optional fields left out, choices turned into what the server wants). */
export function buildPayload(action: string, values: ActionValues): TransitionPayload {
  const payload: TransitionPayload = {}
  for (const f of formOf(action).fields) {
    if (f.when && !f.when(values)) continue
    const value = values[f.name]
    if (f.kind === 'assign') {
      payload.handling_type = values.handling_type
      payload.units = ((values.units as UnitChoice[]) ?? []).filter((u) => u.unit_id !== null).map((u) => ({ unit_id: u.unit_id, role: u.role }))
      continue
    }
    if (f.kind === 'switch') {
      payload[f.name] = value === true
      continue
    }
    if (empty(value)) continue
    payload[f.name] = typeof value === 'string' ? value.trim() : value
  }
  if (action === 'cosign') payload.accept = values.accept === 'accept'
  if (action === 'grant_extension') payload.approve = values.approve === 'approve'
  if (action === 'mark_key' && payload.key === false) {
    payload.leader_ids = []
    payload.special_committee_id = null
  }
  return payload
}

/**
 * The i18n key of what a person is told once `action` went through (已签收, 答复已提交审核…),
 * by what was sent: an accepted or declined co-signature, a granted or refused extension, a
 * proposal marked key or no longer key.
 */
export function doneMessage(action: string, payload: TransitionPayload = {}): string {
  if (action === 'cosign') return payload.accept === false ? 'proposal.cosignDeclined' : 'proposal.cosignAccepted'
  if (action === 'grant_extension') return payload.approve === false ? 'proposal.done.refuse_extension' : 'proposal.done.grant_extension'
  if (action === 'mark_key') return payload.key === false ? 'proposal.done.unmark_key' : 'proposal.done.mark_key'
  return `proposal.done.${action}`
}

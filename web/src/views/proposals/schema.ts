// Proposals: list columns, the queues of each workbench, the editor's values and rules.
import type { FormItemRule } from 'element-plus'
import type { RoleName } from '@/api/auth'
import type { ProposalDetail, ProposalInput, ProposalKind, ProposalListItem, Relation } from '@/api/proposals'
import type { ListQuery } from '@/api/types'
import type { Column } from '@/components/ListTable.vue'
import { t } from '@/locales'
import { formatDateTime } from '@/utils/format'
import { categoryLabel, MEMBER_TABS, memberTabStates, statesAllowing, titleProblem, TITLE_MAX, unitDoneStates, type MemberTab, type WorkflowView } from '@/utils/proposals'

/** Roles that may write proposals (the server refuses others). */
export const PROPOSER_ROLES: readonly RoleName[] = ['member', 'group_contact', 'committee_staff']
export const STAFF_ROLES: readonly RoleName[] = ['admin', 'proposal_staff']
export const UNIT_ROLES: readonly RoleName[] = ['unit_staff', 'unit_leader']
export const KEY_ROLES: readonly RoleName[] = ['leader', 'supervisor', 'proposal_staff', 'admin']
export const SEARCH_ROLES: readonly RoleName[] = ['admin', 'proposal_staff', 'leader', 'supervisor', 'committee_staff']

const number: Column<ProposalListItem> = { prop: 'number_label', label: 'proposal.number', width: 200 }
const title: Column<ProposalListItem> = { prop: 'title', label: 'proposal.title', minWidth: 260 }
const proposer: Column<ProposalListItem> = { prop: 'proposer_name', label: 'proposal.proposer', width: 120 }
const category: Column<ProposalListItem> = { prop: 'category', label: 'proposal.category', width: 110, formatter: (r) => categoryLabel(r.category) }
const state: Column<ProposalListItem> = { prop: 'state', label: 'proposal.state', width: 150 }
const due: Column<ProposalListItem> = { prop: 'due_date', label: 'proposal.deadline', width: 170 }
const updated: Column<ProposalListItem> = { prop: 'updated_at', label: 'proposal.updatedAt', width: 170, formatter: (r) => formatDateTime(r.updated_at) }

/** The countdown in working days (the committee's calendar), from the list row. */
const countdownColumn: Column<ProposalListItem> = { prop: 'working_days_left', label: 'proposal.countdown', width: 130 }

/** Columns of the lists staff, units and leaders work from. */
export const columns: Column<ProposalListItem>[] = [number, title, proposer, category, state, due]

/** Columns of the staff and unit workbenches: the deadline and, beside it, the working days left. */
export const workbenchColumns: Column<ProposalListItem>[] = [number, title, proposer, category, state, due, countdownColumn]

/** Columns of the face-to-face queue: closed proposals, with how far their meeting got. */
const faceToFaceColumn: Column<ProposalListItem> = { prop: 'face_to_face_status', label: 'faceToFace.title', width: 150 }
export const faceToFaceColumns: Column<ProposalListItem>[] = [number, title, proposer, category, faceToFaceColumn]

/** Columns of 我的提案 (the member knows who proposed). */
export const memberColumns: Column<ProposalListItem>[] = [title, state, due, number, updated]

/** One queue: a tab of a workbench, its i18n title and the list filter it sends. */
export interface Queue {
  key: string
  title: string
  query: ListQuery
  /** Queues whose rows need a closer look at the detail (return requests). */
  detailFilter?: 'returnRequested'
  /** Rows can be selected for a batch action. */
  batch?: boolean
  /** Columns of this queue when not the workbench's. */
  columns?: Column<ProposalListItem>[]
}

/** The tabs of 我的提案, each listing the states the workflow puts in its phase. */
export function memberTabs(workflow: WorkflowView): (Queue & { key: MemberTab })[] {
  const states = memberTabStates(workflow)
  return MEMBER_TABS.map((key) => ({ key, title: `proposal.tabs.${key}`, query: { mine: true, state: states[key].join(',') } }))
}

/**
 * A queue of the states in which the workflow allows `action` to `actors`; null when the workflow
 * (not loaded yet) names none, so that no queue ever lists every state.
 */
function stateQueue(base: Omit<Queue, 'query'>, states: readonly string[], extra: ListQuery = {}): Queue | null {
  return states.length ? { ...base, query: { state: states.join(','), ...extra } } : null
}

const STAFF: readonly Relation[] = ['proposal_staff']

/** The staff workbench's queues, each the states in which staff may take its action. */
export function staffQueues(workflow: WorkflowView): Queue[] {
  const queues: (Queue | null)[] = [
    stateQueue({ key: 'review', title: 'proposal.queues.review' }, statesAllowing(workflow, 'file', STAFF)),
    stateQueue({ key: 'assign', title: 'proposal.queues.assign', batch: true }, statesAllowing(workflow, 'assign', STAFF)),
    // Return requests: where staff may reassign; the page keeps only rows whose detail shows a
    // request (the flag narrows the list on servers that filter by it).
    stateQueue({ key: 'returns', title: 'proposal.queues.returns', detailFilter: 'returnRequested' }, statesAllowing(workflow, 'reassign', STAFF), { return_requested: true }),
    stateQueue({ key: 'replies', title: 'proposal.queues.replies' }, statesAllowing(workflow, 'pass_reply', STAFF)),
    { key: 'overdue', title: 'proposal.queues.overdue', query: { overdue: true } },
    // Still unsatisfied after second handling: a face-to-face consultation to arrange or record.
    { key: 'faceToFace', title: 'proposal.queues.faceToFace', query: { face_to_face: 'pending' }, columns: faceToFaceColumns },
  ]
  return queues.filter((q): q is Queue => q !== null)
}

/** The unit workbench's queues: to sign, to reply, to approve, overdue, and what it answered. */
export function unitQueues(workflow: WorkflowView): Queue[] {
  const queues: (Queue | null)[] = [
    // A new assignment to sign for (not a split lead's late signature while another unit handles it).
    stateQueue({ key: 'sign', title: 'proposal.queues.toSign' }, statesAllowing(workflow, 'sign', ['lead_unit_staff'], true)),
    stateQueue({ key: 'handling', title: 'proposal.queues.handling' }, statesAllowing(workflow, 'submit_reply', ['lead_unit_staff'])),
    stateQueue({ key: 'approval', title: 'proposal.queues.approval' }, statesAllowing(workflow, 'approve_reply', ['lead_unit_leader'])),
    { key: 'overdue', title: 'proposal.queues.overdue', query: { overdue: true } },
    stateQueue({ key: 'done', title: 'proposal.queues.done' }, unitDoneStates(workflow)),
  ]
  return queues.filter((q): q is Queue => q !== null)
}

export const keyQueue: Queue = { key: 'key', title: 'menu.keyProposals', query: { key: true } }

export const KINDS: readonly ProposalKind[] = ['individual', 'joint', 'collective', 'recommendation']
export const GROUP_TYPES = ['party', 'sector', 'organisation', 'special_committee'] as const

export const emptyProposal = (): ProposalInput => ({
  title: '',
  situation: '',
  analysis: '',
  suggestions: '',
  category: '',
  keywords: '',
  kind: 'individual',
  suggested_unit_ids: [],
  consent_publish: true,
  consent_reason: '',
  between_sessions: false,
  group_type: null,
  group_id: null,
  cosigner_member_ids: [],
  catalogue_topic_id: null,
})

export const fromProposal = (p: ProposalDetail): ProposalInput => ({
  title: p.title,
  situation: p.situation,
  analysis: p.analysis,
  suggestions: p.suggestions,
  category: p.category,
  keywords: p.keywords,
  kind: p.kind,
  suggested_unit_ids: [...(p.suggested_unit_ids ?? [])],
  consent_publish: p.consent_publish,
  consent_reason: p.consent_reason ?? '',
  between_sessions: p.between_sessions ?? false,
  group_type: p.group_type,
  group_id: p.group_id,
  cosigner_member_ids: (p.cosigners ?? []).map((c) => c.member_id),
  catalogue_topic_id: p.catalogue_topic_id ?? null,
})

/**
 * What is sent: trimmed text, co-signers only for joint proposals, and the group only for
 * collective ones (the server takes no null group_type, so it is left out otherwise).
 */
export function prepareProposal(input: ProposalInput): ProposalInput {
  const out: ProposalInput = {
    ...input,
    title: input.title.trim(),
    keywords: input.keywords.trim(),
    consent_reason: input.consent_publish ? '' : input.consent_reason.trim(),
    cosigner_member_ids: input.kind === 'joint' ? input.cosigner_member_ids : [],
  }
  if (input.kind !== 'collective' || !input.group_type) {
    delete out.group_type
    delete out.group_id
  }
  return out
}

/** Rules of the editor; `submitting` adds what the server needs before it accepts a submission. */
export function editorRules(form: () => ProposalInput, submitting: () => boolean, titleMax: () => number = () => TITLE_MAX): Record<string, FormItemRule[]> {
  const whenSubmitting = (field: string): FormItemRule => ({
    validator: (_r, value, cb) => (submitting() && !String(value ?? '').trim() ? cb(new Error(t('validation.required', { field: t(field) }))) : cb()),
    trigger: 'blur',
  })
  return {
    title: [
      {
        validator: (_r, value, cb) => {
          const p = titleProblem(String(value ?? ''), titleMax())
          return p ? cb(new Error(t(p, { n: titleMax() }))) : cb()
        },
        trigger: 'blur',
      },
    ],
    category: [whenSubmitting('proposal.category')],
    situation: [whenSubmitting('proposal.situation')],
    analysis: [whenSubmitting('proposal.analysis')],
    suggestions: [whenSubmitting('proposal.suggestions')],
    consent_reason: [
      {
        validator: (_r, value, cb) =>
          !form().consent_publish && !String(value ?? '').trim() ? cb(new Error(t('proposal.consentReasonRequired'))) : cb(),
        trigger: 'blur',
      },
    ],
    cosigner_member_ids: [
      {
        validator: (_r, value, cb) =>
          submitting() && form().kind === 'joint' && (value as unknown[]).length === 0 ? cb(new Error(t('proposal.cosignersRequired'))) : cb(),
        trigger: 'change',
      },
    ],
    group_id: [
      {
        validator: (_r, value, cb) => (form().kind === 'collective' && !value ? cb(new Error(t('proposal.groupRequired'))) : cb()),
        trigger: 'change',
      },
    ],
  }
}

/** One count on the home page: what it counts (a list query) and where a click leads. */
export interface HomeTask {
  key: string
  title: string
  query: ListQuery
  to: string
}

/** The proposal counts the home page shows to the holder of `roles`, most pressing first. */
export function homeTasks(roles: readonly RoleName[], workflow: WorkflowView): HomeTask[] {
  const has = (set: readonly RoleName[]) => roles.some((r) => set.includes(r))
  const tasks: HomeTask[] = []
  if (has(STAFF_ROLES)) {
    for (const q of staffQueues(workflow).filter((x) => !x.detailFilter))
      tasks.push({ key: `staff-${q.key}`, title: q.title, query: q.query, to: `/proposals/workbench?tab=${q.key}` })
  }
  if (has(UNIT_ROLES)) {
    const keys = roles.includes('unit_leader') ? ['approval', 'sign', 'handling', 'overdue'] : ['sign', 'handling', 'overdue']
    const queues = unitQueues(workflow)
    for (const k of keys) {
      const q = queues.find((x) => x.key === k)
      if (q) tasks.push({ key: `unit-${k}`, title: q.title, query: q.query, to: `/proposals/unit?tab=${k}` })
    }
  }
  // Invitations to co-sign wait on the member (a window of days): first among their own.
  if (roles.includes('member')) tasks.push({ key: 'mine-cosign', title: 'proposal.home.cosign', query: { cosign: 'pending' }, to: '/proposals/cosign' })
  if (has(PROPOSER_ROLES)) {
    const states = memberTabStates(workflow)
    const replied = statesAllowing(workflow, 'feedback', ['proposer'])
    tasks.push({ key: 'mine-drafts', title: 'proposal.home.drafts', query: { mine: true, state: states.drafts.join(',') }, to: '/proposals/mine?tab=drafts' })
    tasks.push({ key: 'mine-feedback', title: 'proposal.home.feedback', query: { mine: true, state: replied.join(',') || 'replied' }, to: '/proposals/mine?tab=replied' })
    tasks.push({ key: 'mine-handling', title: 'proposal.tabs.handling', query: { mine: true, state: states.handling.join(',') }, to: '/proposals/mine?tab=handling' })
  }
  if (has(KEY_ROLES) && !has(STAFF_ROLES)) tasks.push({ key: 'key', title: 'menu.keyProposals', query: keyQueue.query, to: '/proposals/key' })
  return tasks
}

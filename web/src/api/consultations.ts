// /consultations: the year's consultation plan (协商计划) with its steps 起草 → 主席会议审议 →
// 报区委审定 → 印发, its topics (协商议题) of the four kinds, their phases, postponements, and
// the meetings held on a topic (from the meetings module, subject_type=consultation_topic).
// The workflow (states, actions, kinds, forms with their Chinese labels) comes from the server;
// the pure helpers below read it so that no page lists states or actions itself.
import { ApiError, download, request } from './client'
import type { Id } from './types'

/** A value of the workflow with its wire name and the server's (Chinese) label. */
export interface Named {
  name: string
  label: string
}

export type PlanState = 'drafting' | 'chair_review' | 'party_review' | 'published'
export type TopicKind = 'thematic' | 'counterpart' | 'sector' | 'proposal_handling'
export type TopicForm = 'meeting' | 'symposium' | 'talk' | 'online' | 'remote'

export interface PlanTransition {
  from: string
  action: string
  to: string
  needs_doc_number: boolean
}

export interface TopicTransition {
  from: string
  action: string
  actor: string
  guard: string
  to: string
}

export interface ConsultationWorkflow {
  plan: { states: Named[]; actions: Named[]; transitions: PlanTransition[] }
  topic: {
    states: Named[]
    actions: Named[]
    actors: Named[]
    transitions: TopicTransition[]
    /** The topic's phases in order (names of `states`); older servers leave it out. */
    phases?: string[]
    postponable_states: string[]
    in_plan_states: string[]
  }
  /** The outcomes' own table: kinds, states, actions, adoptions and who may take each step. */
  outcome?: {
    kinds: Named[]
    states: Named[]
    actions: Named[]
    adoptions: Named[]
    transitions: { from: string; action: string; actor: string; to: string }[]
  }
  kinds: Named[]
  forms: Named[]
}

export interface PlanSummary {
  id: Id
  year: number
  title: string
  state: PlanState
  state_label: string
  doc_number: string
  published_on: string | null
  version: number
  updated_at?: string
}

export interface PlanStep {
  action: string
  action_label: string
  from?: string
  to?: string
  acted_on: string
  doc_number: string
  note: string
  actor_name: string
  at: string
}

export interface PlanAction {
  action: string
  label: string
  needs_doc_number: boolean
}

export interface CoverageWarning {
  kind: string
  message: string
  names?: string[]
  topics?: { id: Id; title: string; planned_month: number }[]
}

export interface NamedRef {
  id: Id
  name: string
}

/** A topic as lists show it. */
export interface TopicSummary {
  id: Id
  plan_id: Id
  plan_year: number
  kind: TopicKind
  kind_label: string
  title: string
  purpose: string
  lead_leader_id: Id | null
  lead_leader_name: string | null
  special_committee_id: Id | null
  special_committee_name: string | null
  party_id: Id | null
  party_name: string | null
  sector_id: Id | null
  sector_name: string | null
  planned_month: number
  form: TopicForm
  form_label: string
  participants: string
  state: string
  state_label: string
  added_in_year: boolean
  addition_reason: string
  proposed_by_name: string
  held_on: string | null
  version: number
  units: NamedRef[]
}

export interface PlanDetail extends PlanSummary {
  steps: PlanStep[]
  allowed_actions: PlanAction[]
  can_add_topic: boolean
  topics: TopicSummary[]
  warnings: CoverageWarning[]
}

export interface TopicHistoryEntry {
  action: string
  from: string
  to: string
  note: string
  actor_name: string
  at: string
}

export interface Postponement {
  id: Id
  from_month: number
  to_month: number
  reason: string
  state: 'pending' | 'approved' | 'rejected'
  requested_by_name: string
  requested_at: string
  decided_by_name: string
  decided_at: string | null
  decision_note: string
}

export interface TopicDetail extends TopicSummary {
  plan_state: PlanState
  plan_state_label: string
  proposals: { id: Id; title: string; number_label: string | null }[]
  history: TopicHistoryEntry[]
  postponements: Postponement[]
  allowed_actions: { action: string; label: string }[]
  can_edit: boolean
  can_request_postponement: boolean
  can_decide_postponement: boolean
  pending_postponement_id: Id | null
  /** 协商成果 the caller may see (units and members see them once sent). */
  outcomes: Outcome[]
  can_add_outcome: boolean
  /** The caller may arrange the topic's meetings (协商活动). */
  can_arrange_meeting: boolean
}

export type OutcomeKind = 'opinions' | 'research_report' | 'recommendation' | 'digest'
export type Adoption = 'adopted' | 'partly' | 'not_adopted'

/** A leader's instruction (领导批示) on an outcome, naming the departments that must act. */
export interface Instruction {
  id: Id
  leader_name: string
  leader_title: string
  instructed_on: string
  text: string
  units: NamedRef[]
}

/** A follow-through item (成果转化事项) of a department, as the topic and the list show it. */
export interface FollowItem {
  id: Id
  outcome_id?: Id
  outcome_title?: string
  topic_id?: Id
  topic_title?: string
  unit_id: Id
  unit_name: string
  title: string
  due_on: string
  state: 'open' | 'done'
  /** 办理中, 已超期 or 已办结. */
  state_label: string
  late_working_days: number
  done_on: string | null
  result: string
  progress: { note: string; actor_name: string; at: string }[]
  instruction_id: Id | null
  created_by_name: string
}

/** A 协商成果 of a topic: drafted, approved by the lead leader, sent, its adoption recorded. */
export interface Outcome {
  id: Id
  kind: OutcomeKind
  kind_label: string
  title: string
  body: string
  state: string
  state_label: string
  sent_on: string | null
  sent_to: string
  adoption: Adoption | ''
  adoption_label: string
  adoption_note: string
  version: number
  history: TopicHistoryEntry[]
  instructions: Instruction[]
  items: FollowItem[]
  allowed_actions: { action: string; label: string }[]
  can_edit: boolean
  can_record_instruction: boolean
  can_add_item: boolean
}

export interface OutcomeInput {
  version?: number
  kind?: OutcomeKind
  title?: string
  body?: string
}

export interface OutcomeStepInput {
  action: string
  version: number
  note?: string
  sent_on?: string
  sent_to?: string
  adoption?: Adoption
}

export interface InstructionInput {
  leader_name: string
  leader_title: string
  instructed_on: string
  text: string
  unit_ids: Id[]
}

export interface FollowItemInput {
  unit_id: Id
  title: string
  due_on: string
  instruction_id?: Id | null
}

export interface FollowItemQuery {
  state?: 'open' | 'done' | ''
  late?: boolean
  mine?: boolean
  unit_id?: Id | null
}

/** The fields of a topic as sent (POST: plan_id and the required ones; PATCH: version and any). */
export interface TopicInput {
  plan_id?: Id
  version?: number
  kind?: TopicKind
  title?: string
  purpose?: string
  lead_leader_id?: Id | null
  special_committee_id?: Id | null
  party_id?: Id | null
  sector_id?: Id | null
  unit_ids?: Id[]
  proposal_ids?: Id[]
  planned_month?: number
  form?: TopicForm
  participants?: string
  reason?: string
}

export interface PlanStepInput {
  action: string
  version: number
  acted_on: string
  doc_number?: string
  note?: string
}

export interface TopicStepInput {
  action: string
  version: number
  note?: string
  held_on?: string
}

export interface TopicQuery {
  plan_id?: Id
  kind?: string
  state?: string
  mine?: boolean
  q?: string
}

/** A meeting of the meetings module, as listed for a subject. */
export interface SubjectMeeting {
  id: Id
  kind: string
  title: string
  place: string
  starts_at: string
  ends_at: string
  state: string
  phase?: string
  minutes_state?: string
}

/** The meetings module's subject type for a consultation topic. */
export const TOPIC_SUBJECT = 'consultation_topic'

const base = '/consultations'

export const fetchConsultationWorkflow = () => request<ConsultationWorkflow>(`${base}/workflow`)

export const listPlans = () => request<{ items: PlanSummary[]; can_create: boolean }>(`${base}/plans`)

export const createPlan = (input: { year: number; title?: string }) =>
  request<PlanDetail>(`${base}/plans`, { method: 'POST', body: input.title ? input : { year: input.year } })

export const getPlan = (id: Id) => request<PlanDetail>(`${base}/plans/${id}`)

/** POST …/plans/{id}/steps; the form shows field errors itself. */
export const planStep = (id: Id, input: PlanStepInput) =>
  request<PlanDetail>(`${base}/plans/${id}/steps`, { method: 'POST', body: withoutEmpty(input), silent: true })

export const downloadPlanDocument = (plan: PlanSummary) => download(`${base}/plans/${plan.id}/document`, undefined, `${plan.title}.docx`)

export const listTopics = (query: TopicQuery = {}) =>
  request<{ items: TopicSummary[]; total: number }>(`${base}/topics`, {
    query: { plan_id: query.plan_id, kind: query.kind, state: query.state, q: query.q, mine: query.mine ? 1 : undefined },
  })

export const getTopic = (id: Id) => request<TopicDetail>(`${base}/topics/${id}`)

export const createTopic = (input: TopicInput) => request<TopicDetail>(`${base}/topics`, { method: 'POST', body: input, silent: true })

export const updateTopic = (id: Id, input: TopicInput) => request<TopicDetail>(`${base}/topics/${id}`, { method: 'PATCH', body: input, silent: true })

export const topicStep = (id: Id, input: TopicStepInput) =>
  request<TopicDetail>(`${base}/topics/${id}/transitions`, { method: 'POST', body: withoutEmpty(input), silent: true })

export const requestPostponement = (id: Id, input: { to_month: number; reason: string }) =>
  request<TopicDetail>(`${base}/topics/${id}/postponements`, { method: 'POST', body: input, silent: true })

export const decidePostponement = (id: Id, input: { decision: 'approve' | 'reject'; note?: string }) =>
  request<TopicDetail>(`${base}/postponements/${id}/decision`, { method: 'POST', body: withoutEmpty(input), silent: true })

/** The committee's leaders, for the lead-leader picker (readable by all who propose or run topics). */
export const listLeaders = () => request<{ items: NamedRef[] }>(`${base}/leaders`, { silent: true })

// ---- outcomes and follow-through (each answers the topic) ----

export const createOutcome = (topicId: Id, input: OutcomeInput) =>
  request<TopicDetail>(`${base}/topics/${topicId}/outcomes`, { method: 'POST', body: input, silent: true })

export const updateOutcome = (id: Id, input: OutcomeInput & { version: number }) =>
  request<TopicDetail>(`${base}/outcomes/${id}`, { method: 'PATCH', body: input, silent: true })

export const outcomeStep = (id: Id, input: OutcomeStepInput) =>
  request<TopicDetail>(`${base}/outcomes/${id}/transitions`, { method: 'POST', body: withoutEmpty(input), silent: true })

export const recordInstruction = (outcomeId: Id, input: InstructionInput) =>
  request<TopicDetail>(`${base}/outcomes/${outcomeId}/instructions`, { method: 'POST', body: input, silent: true })

export const addFollowItem = (outcomeId: Id, input: FollowItemInput) =>
  request<TopicDetail>(`${base}/outcomes/${outcomeId}/follow-items`, { method: 'POST', body: withoutEmpty(input), silent: true })

export const recordFollowProgress = (itemId: Id, note: string) =>
  request<TopicDetail>(`${base}/follow-items/${itemId}/progress`, { method: 'POST', body: { note }, silent: true })

export const closeFollowItem = (itemId: Id, result: string) =>
  request<TopicDetail>(`${base}/follow-items/${itemId}/close`, { method: 'POST', body: { result }, silent: true })

export const listFollowItems = (query: FollowItemQuery = {}) =>
  request<{ items: FollowItem[]; total: number }>(`${base}/follow-items`, {
    query: { state: query.state || undefined, late: query.late ? 1 : undefined, mine: query.mine ? 1 : undefined, unit_id: query.unit_id ?? undefined },
  })

/** The supervision notice (督查通报) of late items as .docx; `number` is its 期号 (第N期). */
export const downloadLateNotice = (number: string) =>
  download(`${base}/follow-items/late-notice`, { number: number || undefined }, `协商成果转化督查通报${number}.docx`)

/**
 * The meetings held on a topic, or null when the meetings module is not there (404) or the
 * caller may not list meetings (403): the page then leaves the section out.
 */
export async function listTopicMeetings(topicId: Id): Promise<SubjectMeeting[] | null> {
  try {
    const page = await request<{ items?: SubjectMeeting[] }>('/meetings', {
      query: { subject_type: TOPIC_SUBJECT, subject_id: topicId, page_size: 100 },
      silent: true,
    })
    return page.items ?? []
  } catch (err) {
    if (err instanceof ApiError && (err.status === 404 || err.status === 403)) return null
    throw err
  }
}

/** The body without empty optional texts (the server refuses a blank date, and "" means nothing). */
function withoutEmpty<T extends object>(input: T): T {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== '' && v !== undefined && v !== null)) as T
}

// ---- reading the workflow ----

/** The label of `name` in a named list, or null when the list does not know it. */
export function labelIn(list: Named[] | undefined, name: string): string | null {
  return list?.find((n) => n.name === name)?.label ?? null
}

/**
 * A topic's phases in order (待审批 → 已列入计划 → 调研中 → 已协商 → 成果转化中 → 已办结): the
 * workflow's `phases`; from older servers, the states of the plan's work and those that lead into
 * it. States off the path (未列入计划) are left out.
 */
export function topicPhases(wf: ConsultationWorkflow): Named[] {
  if (wf.topic.phases?.length) return wf.topic.phases.map((name) => wf.topic.states.find((s) => s.name === name) ?? { name, label: name })
  const inPlan = new Set(wf.topic.in_plan_states)
  return wf.topic.states.filter((s) => inPlan.has(s.name) || wf.topic.transitions.some((t) => t.from === s.name && inPlan.has(t.to)))
}

/** Whether a topic state has no way on (its phase is then complete). */
export function isFinalState(wf: ConsultationWorkflow, state: string): boolean {
  return !wf.topic.transitions.some((t) => t.from === state)
}

/**
 * Where a topic stands on its phases: the index of the active step (past the last when the
 * state is final) and whether it left the path (dropped: the step it left from is marked).
 */
export function phaseProgress(wf: ConsultationWorkflow, state: string, history: { from: string; to: string }[] = []): { active: number; off: boolean } {
  const phases = topicPhases(wf)
  const i = phases.findIndex((p) => p.name === state)
  if (i >= 0) return { active: isFinalState(wf, state) ? phases.length : i, off: false }
  const left = [...history].reverse().find((h) => h.to === state)?.from
  const j = phases.findIndex((p) => p.name === left)
  return { active: Math.max(j, 0), off: true }
}

/** The steps of a plan's main path reached so far: the index of the current state (past the last once final). */
export function planProgress(wf: ConsultationWorkflow, state: string): number {
  const i = wf.plan.states.findIndex((s) => s.name === state)
  const final = !wf.plan.transitions.some((t) => t.from === state)
  return final ? wf.plan.states.length : Math.max(i, 0)
}

/** Topics grouped by kind in the workflow's order of kinds; kinds without topics are left out. */
export function groupByKind<T extends { kind: string }>(kinds: Named[], topics: T[]): { kind: Named; topics: T[] }[] {
  return kinds.map((kind) => ({ kind, topics: topics.filter((t) => t.kind === kind.name) })).filter((g) => g.topics.length > 0)
}

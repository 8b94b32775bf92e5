// Pure rules of the proposal pages: which tab a state belongs to and the other state sets (read
// from the server's workflow, never typed here), tag colours, deadline countdowns, the title
// rule, the assignment rule, and running one action over many proposals.
import type { AttachmentPurpose, HandlingType, ProposalAction, ProposalState, Relation, UnitRole, Workflow, WorkflowPhase } from '@/api/proposals'
import { PROPOSAL_CATEGORIES } from '@/api/proposals'
import { t } from '@/locales'

/** 我的提案: its tabs in order, one for each phase a state of the workflow belongs to. */
export const MEMBER_TABS: readonly WorkflowPhase[] = ['drafts', 'submitted', 'handling', 'replied', 'closed']

export type MemberTab = WorkflowPhase

/**
 * The parts of the workflow (`GET /proposals/workflow`) the pages read; the store loads it
 * once. Null until loaded: every answer below is then empty.
 */
export type WorkflowView = (Pick<Workflow, 'states' | 'sets' | 'uploads'> & Partial<Pick<Workflow, 'transitions'>>) | null | undefined

/**
 * The states in which `action` is allowed to one of `actors` (any actor when none is named), by
 * the workflow's transition table: what a queue of a workbench lists. `unguarded` keeps only rows
 * without a guard (e.g. signing for a new assignment, not a split lead's late signature).
 */
export function statesAllowing(workflow: WorkflowView, action: ProposalAction, actors: readonly Relation[] = [], unguarded = false): ProposalState[] {
  const out: ProposalState[] = []
  for (const t of workflow?.transitions ?? []) {
    if (t.action !== action || (actors.length && !actors.includes(t.actor))) continue
    if (unguarded && t.guard && t.guard !== 'none') continue
    if (!out.includes(t.from)) out.push(t.from)
  }
  return out
}

/** The relations of a handling unit to a proposal (its staff, co-units' staff, its leader). */
export const UNIT_RELATIONS: readonly Relation[] = ['lead_unit_staff', 'co_unit_staff', 'lead_unit_leader']

/**
 * States a unit has answered in: assigned (the workflow's `assigned` set) and no longer waiting
 * on any unit (no action of a unit's allowed there).
 */
export function unitDoneStates(workflow: WorkflowView): ProposalState[] {
  const sets = (workflow?.sets ?? {}) as Partial<Record<string, ProposalState[]>>
  const unitActs = new Set((workflow?.transitions ?? []).filter((t) => UNIT_RELATIONS.includes(t.actor)).map((t) => t.from))
  return (sets.assigned ?? []).filter((s) => !unitActs.has(s))
}

/** The states each tab of 我的提案 lists, by the phase the workflow gives each state. */
export function memberTabStates(workflow: WorkflowView): Record<MemberTab, ProposalState[]> {
  const tabs = Object.fromEntries(MEMBER_TABS.map((tab) => [tab, [] as ProposalState[]])) as Record<MemberTab, ProposalState[]>
  for (const s of workflow?.states ?? []) if (s.phase in tabs) tabs[s.phase].push(s.name)
  return tabs
}

/** The tab of 我的提案 that lists a proposal in `state`. */
export function memberTabOf(state: ProposalState, workflow: WorkflowView): MemberTab {
  return workflow?.states.find((s) => s.name === state)?.phase ?? 'submitted'
}

/** States in which a deadline runs (a unit is handling it): the workflow's `handling` set. */
export function handlingStates(workflow: WorkflowView): readonly ProposalState[] {
  return workflow?.sets?.handling ?? []
}

/** States in which the proposer may edit the text: the workflow's `editable` set. */
export function editableStates(workflow: WorkflowView): readonly ProposalState[] {
  return workflow?.sets?.editable ?? []
}

export type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger'

/** The colour of a state tag: waiting on the author grey/orange, in handling blue, done green, refused red. */
export function stateTagType(state: ProposalState): TagType {
  switch (state) {
    case 'draft':
    case 'merged':
      return 'info'
    case 'returned':
    case 'awaiting_cosign':
    case 'replied':
      return 'warning'
    case 'not_filed':
      return 'danger'
    case 'feedback_received':
    case 'closed':
      return 'success'
    default:
      return 'primary'
  }
}

/** Today as YYYY-MM-DD in local time. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** Calendar days from `today` to `due` (both YYYY-MM-DD); negative when past. */
export function daysBetween(today: string, due: string): number {
  const a = Date.parse(`${today}T00:00:00Z`)
  const b = Date.parse(`${due.slice(0, 10)}T00:00:00Z`)
  return Math.round((b - a) / 86_400_000)
}

export type Urgency = 'ok' | 'soon' | 'overdue'

export interface Countdown {
  /** i18n key: proposal.daysLeft / proposal.workingDaysLeft / proposal.dueToday / proposal.overdueBy */
  key: string
  n: number
  urgency: Urgency
}

/** Days within which a deadline counts as close. */
export const SOON_DAYS = 7

/**
 * The countdown to a deadline: from the server's working days when given, else calendar days
 * from the due date (list rows carry only the date).
 */
export function countdown(due: string | null | undefined, opts: { today?: string; workingDaysLeft?: number; overdue?: boolean } = {}): Countdown | null {
  if (!due) return null
  const working = opts.workingDaysLeft
  const left = working ?? daysBetween(opts.today ?? todayIso(), due)
  const overdue = opts.overdue ?? left < 0
  if (overdue) return { key: 'proposal.overdueBy', n: Math.abs(Math.min(left, -1)), urgency: 'overdue' }
  if (left === 0) return { key: 'proposal.dueToday', n: 0, urgency: 'soon' }
  return {
    key: working !== undefined ? 'proposal.workingDaysLeft' : 'proposal.daysLeft',
    n: left,
    urgency: left <= (working !== undefined ? 5 : SOON_DAYS) ? 'soon' : 'ok',
  }
}

/**
 * The i18n key of a countdown's words: an overdue count of working days says 工作日 (the
 * server counts on the committee's calendar), a calendar count says 天.
 */
export function countdownKey(c: Countdown, workingDays: boolean): string {
  return c.key === 'proposal.overdueBy' && workingDays ? 'proposal.overdueByWorkingDays' : c.key
}

/**
 * A proposal's number with its session, once: the number label already names the session
 * ("十四届四次会议 第0112号"), so the session is added only when it does not.
 */
export function numberWithSession(numberLabel: string | null | undefined, sessionName: string | null | undefined): string {
  const number = (numberLabel ?? '').trim()
  const session = (sessionName ?? '').trim()
  if (!number) return session
  if (!session || number.replace(/\s/g, '').includes(session.replace(/\s/g, ''))) return number
  return `${session} ${number}`
}

/** The longest title the server takes, unless its description (openapi.json) says otherwise. */
export const TITLE_MAX = 50

/** Checks a title: required, ≤ `max` characters, written 关于…的建议. Answers an i18n key or null. */
export function titleProblem(title: string, max: number = TITLE_MAX): string | null {
  const t = title.trim()
  if (!t) return 'proposal.titleRequired'
  if ([...t].length > max) return 'proposal.titleTooLong'
  if (!/^关于.+的建议$/.test(t)) return 'proposal.titlePattern'
  return null
}

export interface UnitChoice {
  unit_id: number | null
  role: UnitRole
}

/**
 * Checks the units of an assignment against its handling type (单办: one lead; 主办+协办: one
 * lead and at least one co-unit; 分办: two or more leads; no unit twice). Answers an i18n key or null.
 */
export function assignProblem(type: HandlingType, units: UnitChoice[]): string | null {
  const chosen = units.filter((u) => u.unit_id !== null)
  if (chosen.length === 0) return 'proposal.assign.noUnits'
  if (new Set(chosen.map((u) => u.unit_id)).size !== chosen.length) return 'proposal.assign.duplicate'
  const leads = chosen.filter((u) => u.role === 'lead').length
  if (type === 'single' && (chosen.length !== 1 || leads !== 1)) return 'proposal.assign.single'
  if (type === 'lead_co' && (leads !== 1 || chosen.length < 2)) return 'proposal.assign.leadCo'
  if (type === 'split' && (leads !== chosen.length || chosen.length < 2)) return 'proposal.assign.split'
  return null
}

/** The unit rows a handling type starts with (roles follow the type). */
export function unitsFor(type: HandlingType, current: UnitChoice[] = []): UnitChoice[] {
  const ids = current.map((u) => u.unit_id)
  if (type === 'single') return [{ unit_id: ids[0] ?? null, role: 'lead' }]
  if (type === 'split') {
    const rows = ids.map((id) => ({ unit_id: id, role: 'lead' as UnitRole }))
    while (rows.length < 2) rows.push({ unit_id: null, role: 'lead' })
    return rows
  }
  const rows: UnitChoice[] = ids.map((id, i) => ({ unit_id: id, role: i === 0 ? 'lead' : 'co' }))
  while (rows.length < 2) rows.push({ unit_id: null, role: rows.length === 0 ? 'lead' : 'co' })
  return rows
}

export interface BatchFailure<T> {
  item: T
  message: string
}

export interface BatchResult<T> {
  done: T[]
  failed: BatchFailure<T>[]
}

/** Runs `work` on each item in turn (one request at a time), collecting failures instead of stopping. */
export async function runBatch<T>(items: T[], work: (item: T) => Promise<unknown>, onProgress?: (finished: number) => void): Promise<BatchResult<T>> {
  const result: BatchResult<T> = { done: [], failed: [] }
  let finished = 0
  for (const item of items) {
    try {
      await work(item)
      result.done.push(item)
    } catch (err) {
      result.failed.push({ item, message: err instanceof Error ? err.message : String(err) })
    }
    onProgress?.(++finished)
  }
  return result
}

const CATEGORY_CODES = ['economy', 'urban', 'social', 'culture', 'law', 'other'] as const

/** The i18n key of a built-in category (the server's values are Chinese names). */
export function categoryKey(value: string | null | undefined): string {
  const i = PROPOSAL_CATEGORIES.indexOf(value as (typeof PROPOSAL_CATEGORIES)[number])
  return `enums.proposalCategory.${i >= 0 ? CATEGORY_CODES[i] : 'other'}`
}

/** A category as the page shows it: a built-in one in the page's language, a committee's own as
 * the committee named it. */
export function categoryLabel(value: string | null | undefined): string {
  if (!value) return ''
  return PROPOSAL_CATEGORIES.includes(value as (typeof PROPOSAL_CATEGORIES)[number]) ? t(categoryKey(value)) : value
}

/** Splits keywords typed with spaces, commas or 、 into a clean, de-duplicated list. */
export function splitKeywords(text: string): string[] {
  return [...new Set(text.split(/[\s,，、;；]+/).map((k) => k.trim()).filter(Boolean))]
}

/**
 * What the caller may attach now, by the workflow's upload rules (the server decides again):
 * the purpose of the first rule naming one of the caller's relations and the state; null when none.
 */
export function attachmentPurpose(state: ProposalState, relations: readonly Relation[], workflow: WorkflowView): AttachmentPurpose | null {
  const rule = (workflow?.uploads ?? []).find((u) => u.states.includes(state) && u.actors.some((a) => relations.includes(a)))
  return rule?.purpose ?? null
}

export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024
export const ATTACHMENT_ACCEPT = '.pdf,.doc,.docx,.png,.jpg,.jpeg,application/pdf,application/msword,application/vnd.openxmlformats-officedocument.wordprocessingml.document,image/png,image/jpeg'

/** Checks a file before uploading it: an i18n key of the problem, or null. */
export function attachmentProblem(file: { name: string; size: number }): string | null {
  if (file.size === 0) return 'proposal.files.empty'
  if (file.size > ATTACHMENT_MAX_BYTES) return 'proposal.files.tooLarge'
  if (!/\.(pdf|docx?|png|jpe?g)$/i.test(file.name)) return 'proposal.files.badType'
  return null
}

/** A file size in words: 980 B, 12.3 KB, 4.5 MB. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/** Whether the caller keeps the follow-up items: the lead unit or staff, once a B or C reply went out. */
export function keepsFollowUps(result: string | null | undefined, relations: readonly Relation[]): boolean {
  const keeper = relations.includes('proposal_staff') || relations.includes('lead_unit_staff') || relations.includes('lead_unit_leader')
  return keeper && (result === 'B' || result === 'C')
}

/** A member the co-signer picker offers: the directory's fields, with employer and mobile tail where the server gives them. */
export interface PickerMember {
  id: number
  name: string
  sector_name: string
  employer?: string
  /** The last four digits of the member's mobile. */
  mobile_tail?: string
}

/**
 * What tells a member apart in the co-signer picker: the label "李军（民革）", and a secondary
 * line (employer, mobile tail). Namesakes (the same label) carry the secondary line in their label
 * too, so that the chosen tags differ.
 */
export function memberChoices(members: readonly PickerMember[], tailText: (tail: string) => string): { id: number; label: string; detail: string }[] {
  const base = (m: PickerMember) => (m.sector_name ? `${m.name}（${m.sector_name}）` : m.name)
  const seen = new Map<string, number>()
  for (const m of members) seen.set(base(m), (seen.get(base(m)) ?? 0) + 1)
  return members.map((m) => {
    const detail = [m.employer?.trim(), m.mobile_tail ? tailText(m.mobile_tail) : ''].filter(Boolean).join(' · ')
    const label = (seen.get(base(m)) ?? 0) > 1 && detail ? `${base(m)} ${detail}` : base(m)
    return { id: m.id, label, detail }
  })
}

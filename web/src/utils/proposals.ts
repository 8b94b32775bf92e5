// Pure rules of the proposal pages: which tab a state belongs to, tag colours, deadline
// countdowns, the title rule, the assignment rule, and running one action over many proposals.
import type { AttachmentPurpose, HandlingType, ProposalState, Relation, UnitRole } from '@/api/proposals'
import { PROPOSAL_CATEGORIES } from '@/api/proposals'

/** 我的提案: the tabs and the states each one lists. */
export const MEMBER_TABS = {
  drafts: ['draft', 'returned'],
  submitted: ['awaiting_cosign', 'submitted', 'filed'],
  handling: ['assigned', 'in_handling', 'reply_unit_review', 'reply_cppcc_review', 'second_handling'],
  replied: ['replied', 'feedback_received'],
  closed: ['closed', 'not_filed', 'merged'],
} as const satisfies Record<string, readonly ProposalState[]>

export type MemberTab = keyof typeof MEMBER_TABS

/** The tab of 我的提案 that lists a proposal in `state`. */
export function memberTabOf(state: ProposalState): MemberTab {
  for (const [tab, states] of Object.entries(MEMBER_TABS) as [MemberTab, readonly ProposalState[]][])
    if (states.includes(state)) return tab
  return 'submitted'
}

/** States in which a deadline runs (the unit is handling it). */
export const HANDLING_STATES: readonly ProposalState[] = MEMBER_TABS.handling

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

export const TITLE_MAX = 50

/** Checks a title: required, ≤ 50 characters, written 关于…的建议. Answers an i18n key or null. */
export function titleProblem(title: string): string | null {
  const t = title.trim()
  if (!t) return 'proposal.titleRequired'
  if ([...t].length > TITLE_MAX) return 'proposal.titleTooLong'
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

/** The i18n key of a category (the server's values are Chinese names). */
export function categoryKey(value: string | null | undefined): string {
  const i = PROPOSAL_CATEGORIES.indexOf(value as (typeof PROPOSAL_CATEGORIES)[number])
  return `enums.proposalCategory.${i >= 0 ? CATEGORY_CODES[i] : 'other'}`
}

/** Splits keywords typed with spaces, commas or 、 into a clean, de-duplicated list. */
export function splitKeywords(text: string): string[] {
  return [...new Set(text.split(/[\s,，、;；]+/).map((k) => k.trim()).filter(Boolean))]
}

/**
 * What the caller may attach now (the server decides again): the proposer while the proposal is
 * a draft or returned, a handling unit while it handles it; null when nothing.
 */
export function attachmentPurpose(state: ProposalState, relations: readonly Relation[]): AttachmentPurpose | null {
  if (relations.includes('proposer') && (state === 'draft' || state === 'returned')) return 'proposal'
  if ((relations.includes('lead_unit_staff') || relations.includes('co_unit_staff')) && (state === 'in_handling' || state === 'second_handling')) return 'reply'
  return null
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

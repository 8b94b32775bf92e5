// 提案设置: the form of the committee's proposal settings, its rules (the server's, checked
// before sending) and the payload of PUT /proposals/settings. The committee's proposal
// categories are part of it: the one list drafting, review, the historical import and the topic
// catalogue use.
import type { ProposalSettings, ProposalSettingsValues } from '@/api/proposals'

/** The settings values with the committee's categories. */
export type SettingsValues = ProposalSettingsValues & { categories: string[] }
/** The settings as GET /proposals/settings answers them (usage counts for proposal staff). */
export type SettingsAnswer = ProposalSettings & { categories?: string[]; category_usage?: Record<string, number>; defaults: ProposalSettingsValues & { categories?: string[] } }

/** The committee's categories in a settings answer (the built-in six when an older server sends none). */
export function categoriesOf(values: { categories?: string[] } | null | undefined): string[] {
  return values?.categories?.length ? [...values.categories] : ['经济建设', '城市建设', '社会事业', '科教文卫', '政治法律', '其他']
}

/** The numeric settings with their allowed range (as the server checks them). */
export const SETTING_LIMITS = {
  cosign_window_days: [1, 30],
  sign_window_working_days: [1, 30],
  opinion_months: [1, 6],
  reply_months: [1, 12],
  max_reply_months: [1, 24],
  second_handling_months: [1, 12],
} as const

export type NumericSetting = keyof typeof SETTING_LIMITS

export const MAX_REASONS = 30
export const REASON_MAX_CHARS = 100
export const MAX_REMINDERS = 5
export const MAX_CATEGORIES = 50
export const CATEGORY_MAX_CHARS = 20
/** Reminder points on offer: working days before a deadline. */
export const REMINDER_CHOICES: readonly number[] = Array.from({ length: 31 }, (_, i) => i)

/** The form: the reasons as text, one per line; everything else as the server has it. */
export interface SettingsForm extends Omit<SettingsValues, 'decline_reasons'> {
  reasons: string
}

export function toForm(values: ProposalSettingsValues & { categories?: string[] }): SettingsForm {
  const { decline_reasons: reasons, ...rest } = values
  return { ...rest, reminder_days: [...rest.reminder_days], categories: categoriesOf(values), reasons: reasons.join('\n') }
}

/** The reasons of the text: one a line, trimmed, blank lines left out. */
export function parseReasons(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((r) => r.trim())
    .filter((r) => r !== '')
}

/** The problems of the form, field → i18n key (with its named values). */
export function settingsProblems(form: SettingsForm): Record<string, { key: string; named?: Record<string, unknown> }> {
  const out: Record<string, { key: string; named?: Record<string, unknown> }> = {}
  const reasons = parseReasons(form.reasons)
  if (reasons.length === 0 || reasons.length > MAX_REASONS) out.reasons = { key: 'proposalSettings.problem.reasonCount', named: { n: MAX_REASONS } }
  else if (reasons.some((r) => [...r].length > REASON_MAX_CHARS)) out.reasons = { key: 'proposalSettings.problem.reasonLength', named: { n: REASON_MAX_CHARS } }
  else {
    const twice = reasons.find((r, i) => reasons.indexOf(r) !== i)
    if (twice) out.reasons = { key: 'proposalSettings.problem.reasonTwice', named: { reason: twice } }
  }
  for (const [name, [min, max]] of Object.entries(SETTING_LIMITS) as [NumericSetting, readonly [number, number]][]) {
    const v = form[name]
    if (!Number.isInteger(v) || v < min || v > max) out[name] = { key: 'proposalSettings.problem.range', named: { min, max } }
  }
  if (!out.max_reply_months && !out.reply_months && form.max_reply_months < form.reply_months)
    out.max_reply_months = { key: 'proposalSettings.problem.maxBelowReply', named: { n: form.reply_months } }
  if (!out.opinion_months && !out.reply_months && form.opinion_months > form.reply_months)
    out.opinion_months = { key: 'proposalSettings.problem.opinionAboveReply', named: { n: form.reply_months } }
  const categories = form.categories.map((c) => c.trim())
  if (categories.length === 0 || categories.length > MAX_CATEGORIES) out.categories = { key: 'proposalSettings.problem.categoryCount', named: { n: MAX_CATEGORIES } }
  else if (categories.some((c) => c === '' || [...c].length > CATEGORY_MAX_CHARS)) out.categories = { key: 'proposalSettings.problem.categoryLength', named: { n: CATEGORY_MAX_CHARS } }
  else {
    const twice = categories.find((c, i) => categories.indexOf(c) !== i)
    if (twice) out.categories = { key: 'proposalSettings.problem.categoryTwice', named: { category: twice } }
  }
  if (form.reminder_days.length > MAX_REMINDERS || form.reminder_days.some((d) => !Number.isInteger(d) || d < 0 || d > 30))
    out.reminder_days = { key: 'proposalSettings.problem.reminders', named: { n: MAX_REMINDERS } }
  return out
}

/** What PUT /proposals/settings receives: every value, reasons as a list, reminders latest first. */
export function toPayload(form: SettingsForm): SettingsValues {
  const { reasons, ...rest } = form
  return {
    ...rest,
    categories: form.categories.map((c) => c.trim()),
    decline_reasons: parseReasons(reasons),
    reminder_days: [...new Set(form.reminder_days)].sort((a, b) => b - a),
  }
}

/** Server field names → form field names (the reasons are one text). */
export function formField(serverField: string): string {
  return serverField === 'decline_reasons' ? 'reasons' : serverField
}

/** `list` with the item at `index` moved by `by` places (unchanged when it would leave the list). */
export function moved<T>(list: readonly T[], index: number, by: number): T[] {
  const to = index + by
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return [...list]
  const out = [...list]
  const [item] = out.splice(index, 1)
  out.splice(to, 0, item)
  return out
}

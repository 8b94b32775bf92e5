// The timeline: one line per history entry, with what its payload says in words.
import type { HistoryEntry } from '@/api/proposals'

export type Translate = (key: string, named?: Record<string, unknown>) => string
export type Has = (key: string) => boolean

/** Payload members shown on the timeline, in this order, with the enum their values belong to. */
const SHOWN: [key: string, enumName?: string][] = [
  ['number'],
  ['handling_type', 'handlingType'],
  ['units'],
  ['reason'],
  ['conversion', 'conversion'],
  ['comment'],
  ['method', 'consultationMethod'],
  ['held_on'],
  ['result_category', 'resultCategory'],
  ['rating', 'rating'],
  ['accept', 'yesNo'],
  ['approve', 'yesNo'],
  ['requested_due'],
  ['sign_due'],
  ['reply_due'],
  ['second_due'],
  ['into_id'],
  ['key', 'yesNo'],
  ['meeting_date'],
  ['place'],
  ['attendees'],
  ['note'],
  ['outcome'],
]

function valueText(value: unknown, enumName: string | undefined, t: Translate, has: Has, unitName: (id: number) => string): string {
  if (typeof value === 'boolean') return t(`enums.yesNo.${value ? 'yes' : 'no'}`)
  if (Array.isArray(value))
    return value
      .map((u) => {
        if (u && typeof u === 'object' && 'unit_id' in u) {
          const role = (u as { role?: string }).role ?? 'lead'
          return t('proposal.payload.unitWithRole', { unit: unitName(Number((u as { unit_id: number }).unit_id)), role: t(`enums.unitRole.${role}`) })
        }
        return String(u)
      })
      .join(t('proposal.payload.listSep'))
  const text = String(value)
  if (enumName && has(`enums.${enumName}.${text}`)) return t(`enums.${enumName}.${text}`)
  return text
}

/** "label：value" parts of an entry's payload that a person wants to read. */
export function payloadParts(entry: Pick<HistoryEntry, 'payload'>, t: Translate, has: Has, unitName: (id: number) => string = (id) => `#${id}`): string[] {
  const payload = entry.payload ?? {}
  const parts: string[] = []
  for (const [key, enumName] of SHOWN) {
    const value = payload[key]
    if (value === undefined || value === null || value === '') continue
    const label = has(`proposal.payload.${key}`) ? t(`proposal.payload.${key}`) : key
    parts.push(t('proposal.payload.part', { label, value: valueText(value, enumName, t, has, unitName) }))
  }
  if (payload.unit_id !== undefined && payload.unit_id !== null)
    parts.unshift(t('proposal.payload.part', { label: t('proposal.payload.unit'), value: unitName(Number(payload.unit_id)) }))
  return parts
}

/** The action's name in words (the app's labels, else as the server spells it). */
export function actionText(action: string, t: Translate, has: Has): string {
  return has(`enums.proposalAction.${action}`) ? t(`enums.proposalAction.${action}`) : action
}

// ---------------------------------------------------------------------------------------------
// The historical import (历史提案导入): categories and units the committee does not know, listed
// by the preview once each, and what staff choose for each (map to an existing one, or create).

/** What to do with an unknown value: map it (`to`: a category's name, a unit's id) or create it. */
export interface UnknownChoice {
  action: 'map' | 'create'
  to?: string | number
}

/** An unknown value as the preview lists it. */
export interface UnknownValue {
  value: string
  count: number
  rows: number[]
  suggestion: string | null
  /** The choice the preview applied, null while there is none. */
  choice: UnknownChoice | null
}

/** The preview's extra parts for a historical import. */
export interface HistoryPreviewExtra {
  categories?: string[]
  units?: { id: number; name: string }[]
  unknown_categories?: UnknownValue[]
  unknown_units?: UnknownValue[]
  unresolved?: number
  pending?: number
  create_categories?: string[]
  create_units?: string[]
}

export type ChoiceMap = Record<string, UnknownChoice>

/** The starting choices: the one applied, else the suggested category, else create. */
export function initialChoices(unknowns: readonly UnknownValue[] | undefined, previous: ChoiceMap = {}): ChoiceMap {
  const out: ChoiceMap = {}
  for (const u of unknowns ?? []) {
    out[u.value] = u.choice ? { ...u.choice } : previous[u.value] ? { ...previous[u.value] } : u.suggestion ? { action: 'map', to: u.suggestion } : { action: 'create' }
  }
  return out
}

/** Whether every choice is complete (a mapping names its target). */
export function choicesComplete(choices: ChoiceMap): boolean {
  return Object.values(choices).every((c) => c.action === 'create' || (c.to !== undefined && c.to !== ''))
}

/** The choices as the server takes them (`category_map`, `unit_map`): complete ones only. */
export function choicesPayload(choices: ChoiceMap): ChoiceMap {
  const out: ChoiceMap = {}
  for (const [value, c] of Object.entries(choices)) {
    if (c.action === 'create') out[value] = { action: 'create' }
    else if (c.to !== undefined && c.to !== '') out[value] = { action: 'map', to: c.to }
  }
  return out
}

/** The file's rows a value is on, for reading: the first `max`, "2、5、9…" when there are more. */
export function rowsText(u: Pick<UnknownValue, 'rows' | 'count'>, max = 6, sep = '、'): string {
  const shown = u.rows.slice(0, max)
  return shown.join(sep) + (u.count > shown.length ? '…' : '')
}

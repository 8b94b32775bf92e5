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

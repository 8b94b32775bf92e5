// Working-day calendar: columns, form values and rules.
import type { FormRules } from 'element-plus'
import type { CalendarDay } from '@/api/calendar'
import type { Column } from '@/components/ListTable.vue'
import { requiredRule } from '@/composables/useEntityForm'
import { t } from '@/locales'
import { enumKey } from '@/utils/enums'

export const CALENDAR_KINDS = ['holiday', 'workday'] as const
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const

/** The weekday of a YYYY-MM-DD date, 0 = Sunday. */
export function weekdayOf(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay()
}

/** Rows have no id of their own: the day is the key (ListTable wants a number id). */
export type CalendarRow = CalendarDay & { id: number }
export const toRow = (d: CalendarDay): CalendarRow => ({ ...d, id: Number(d.day.replace(/-/g, '')) })

export const columns: Column<CalendarRow>[] = [
  { prop: 'day', label: 'calendar.day', width: 130 },
  { prop: 'weekday', label: 'calendar.weekday', width: 90, formatter: (r) => t(`calendar.weekdays.${WEEKDAYS[weekdayOf(r.day)]}`) },
  { prop: 'kind', label: 'calendar.kind', width: 140, formatter: (r) => t(enumKey('calendarKind', r.kind)) },
  { prop: 'name', label: 'calendar.name', minWidth: 160 },
]

export const emptyDay = (): CalendarDay => ({ day: '', kind: 'holiday', name: '' })

export const rules: FormRules = {
  day: [requiredRule('calendar.day', 'change')],
  kind: [requiredRule('calendar.kind', 'change')],
}

// 工作日历: the committee's holidays and make-up working days (调休上班) of a year; deadlines count
// working days (Monday to Friday, less holidays, plus make-up days). The national ones are
// filled in by the server the first time a year is used; staff add, replace and delete days.
// The collection is not a CRUD one (a day is its own key, the server lists every day at once),
// so its endpoints are adapted here: a row's id is its date as a number (20261001).
import { reactive } from 'vue'
import { deleteCalendarDay, listCalendarDays, setCalendarDay, type CalendarDay } from '@/api/calendar'
import type { CrudEndpoints } from '@/api/crud'
import type { ListQuery, Page } from '@/api/types'
import { t } from '@/locales'
import { enumKey } from '@/utils/enums'
import { defineResource } from '../resource/types'

export const CALENDAR_KINDS = ['holiday', 'workday'] as const
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const

/** The weekday of a YYYY-MM-DD date, 0 = Sunday. */
export function weekdayOf(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay()
}

/** Rows have no id of their own: the day is the key (ListTable wants a number id). */
export type CalendarRow = CalendarDay & { id: number }
export const toRow = (d: CalendarDay): CalendarRow => ({ ...d, id: Number(d.day.replace(/-/g, '')) })
const dayOf = (id: number | string) => String(id).replace(/^(\d{4})(\d{2})(\d{2})$/, '$1-$2-$3')

/** What the page knows of the whole calendar: the years listed and the counts of the year shown. */
export const calendarState = reactive({ years: [] as number[], holidays: 0, workdays: 0 })

const thisYear = () => new Date().getFullYear()

/** One page of the chosen year's days (the server answers every day at once). */
async function listYear(q: ListQuery = {}): Promise<Page<CalendarRow>> {
  const every = (await listCalendarDays({ page_size: 1000 })).items
  calendarState.years = [...new Set([thisYear(), ...every.map((d) => Number(d.day.slice(0, 4)))])].sort((a, b) => b - a)
  const year = String(q.year || thisYear())
  const rows = every.filter((d) => d.day.startsWith(year)).map(toRow)
  calendarState.holidays = rows.filter((d) => d.kind === 'holiday').length
  calendarState.workdays = rows.length - calendarState.holidays
  const page = Number(q.page ?? 1)
  const size = Number(q.page_size ?? 20)
  return { items: rows.slice((page - 1) * size, page * size), total: rows.length, page, page_size: size }
}

const endpoints: CrudEndpoints<CalendarRow, CalendarDay> = {
  path: '/calendar-days',
  list: listYear,
  all: async () => (await listCalendarDays({ page_size: 1000 })).items.map(toRow),
  get: async (id) => {
    const found = (await listCalendarDays({ page_size: 1000 })).items.find((d) => d.day === dayOf(id))
    if (!found) throw new Error(dayOf(id))
    return toRow(found)
  },
  create: async (input) => toRow(await setCalendarDay(input)),
  update: async (_id, input) => toRow(await setCalendarDay(input as CalendarDay)),
  remove: (id) => deleteCalendarDay(dayOf(id)),
}

export const calendarResource = defineResource<CalendarRow, CalendarDay>({
  api: endpoints,
  title: 'menu.calendar',
  intro: 'calendar.intro',
  i18n: 'calendar',
  search: false,
  noEdit: true,
  columns: () => [
    { prop: 'day', label: 'calendar.day', width: 130 },
    { prop: 'weekday', label: 'calendar.weekday', width: 90, formatter: (r) => t(`calendar.weekdays.${WEEKDAYS[weekdayOf(r.day)]}`) },
    { prop: 'kind', label: 'calendar.kind', width: 140, formatter: (r) => t(enumKey('calendarKind', r.kind)) },
    { prop: 'name', label: 'calendar.name', minWidth: 160 },
  ],
  tags: { kind: (r) => ({ type: r.kind === 'holiday' ? 'danger' : 'success', label: t(enumKey('calendarKind', r.kind)) }) },
  filters: [{ prop: 'year', label: 'calendar.year', options: 'years', initial: thisYear() }],
  options: { years: async () => calendarState.years.map((n) => ({ id: n, name: t('calendar.yearN', { n }) })) },
  summary: () => t('calendar.summary', { holidays: calendarState.holidays, workdays: calendarState.workdays }),
  fields: [
    {
      prop: 'day',
      label: 'calendar.day',
      widget: 'date',
      id: 'cal-day',
      // A weekend day is usually a make-up working day; a weekday usually a holiday.
      onInput: (day, form) => {
        if (day) form.kind = [0, 6].includes(weekdayOf(String(day))) ? 'workday' : 'holiday'
      },
    },
    { prop: 'kind', label: 'calendar.kind', widget: 'choice', enumKind: 'calendarKind', values: CALENDAR_KINDS },
    { prop: 'name', label: 'calendar.name', widget: 'text', id: 'cal-name', placeholder: 'calendar.namePlaceholder' },
  ],
  rowName: (r) => `${r.day} ${r.name}`,
  actionsWidth: 90,
  dialogWidth: '520px',
  empty: () => ({ day: '', kind: 'holiday', name: '' }),
  fromRecord: ({ day, kind, name }) => ({ day, kind, name }),
})

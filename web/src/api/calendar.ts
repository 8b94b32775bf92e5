// /calendar-days: the committee's working-day calendar (holidays and make-up working days);
// every proposal deadline is counted in working days from it.
import { request, requestPage } from './client'
import type { ListQuery } from './types'

export type CalendarDayKind = 'holiday' | 'workday'

export interface CalendarDay {
  /** YYYY-MM-DD */
  day: string
  kind: CalendarDayKind
  name: string
}

export const listCalendarDays = (query: ListQuery = {}) => requestPage<CalendarDay>('/calendar-days', query)

/** Sets one day (replacing what that day had). */
export const setCalendarDay = (input: CalendarDay) => request<CalendarDay>('/calendar-days', { method: 'POST', body: input })

export const deleteCalendarDay = (day: string) => request<void>(`/calendar-days/${day}`, { method: 'DELETE', silent: true })

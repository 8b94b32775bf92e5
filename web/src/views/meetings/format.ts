// How the meeting pages write times: local dates and clock times, a range without repeating the day.
import type { MeetingSummary } from '@/api/meetings'

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

/** "2026-12-08" of an ISO instant, in the browser's time zone. */
export function dayOf(iso: string): string {
  const d = new Date(iso)
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/** "09:30" of an ISO instant, in the browser's time zone. */
export function clockOf(iso: string): string {
  const d = new Date(iso)
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/** "2026-12-08 09:30–11:30" (the end's day written only when it differs). */
export function timeRange(m: Pick<MeetingSummary, 'starts_at' | 'ends_at'>): string {
  const from = `${dayOf(m.starts_at)} ${clockOf(m.starts_at)}`
  const to = dayOf(m.ends_at) === dayOf(m.starts_at) ? clockOf(m.ends_at) : `${dayOf(m.ends_at)} ${clockOf(m.ends_at)}`
  return `${from}–${to}`
}

/** The value of an <input type="datetime-local"> for an ISO instant ("2026-12-08T09:30"). */
export function localInput(iso: string): string {
  return `${dayOf(iso)}T${clockOf(iso)}`
}

// /notifications: the caller's in-app notices, their unread count and marking them read.
import { request, requestPage } from './client'
import type { Id, ListQuery } from './types'

export interface Notification {
  id: Id
  /** The event that caused it, e.g. `proposal.assign`. */
  kind: string
  title: string
  body?: string
  proposal_id: Id | null
  /** The web page the notice opens when it is not a proposal's (e.g. `/meetings/12`). */
  link?: string | null
  read: boolean
  created_at: string
}

/** Filters: unread=true, page, page_size. */
export const listNotifications = (query: ListQuery = {}) => requestPage<Notification>('/notifications', query)

/** The unread count; silent, since the header polls it in the background. */
export const fetchUnreadCount = async () => (await request<{ unread: number }>('/notifications/unread-count', { silent: true })).unread ?? 0

export const markNotificationRead = (id: Id) => request<{ ok: boolean }>(`/notifications/${id}/read`, { method: 'POST' })

export const markAllNotificationsRead = () => request<{ marked: number }>('/notifications/read-all', { method: 'POST' })

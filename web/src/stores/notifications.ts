// The notification bell: the unread count, kept fresh by polling while someone is logged in,
// and marking notices read (which lowers the count at once).
import { defineStore } from 'pinia'
import { fetchUnreadCount, markAllNotificationsRead, markNotificationRead } from '@/api/notifications'
import type { Id } from '@/api/types'

/** How often the header asks for the unread count. */
export const POLL_MS = 60_000

let timer: ReturnType<typeof setInterval> | null = null

export const useNotificationStore = defineStore('notifications', {
  state: () => ({ unread: 0, loaded: false }),
  actions: {
    /** Asks the server for the unread count; a failure keeps the last one. */
    async refresh() {
      try {
        this.unread = await fetchUnreadCount()
        this.loaded = true
      } catch {
        // the bell keeps its last count; the next poll tries again
      }
      return this.unread
    },
    /** Polls every POLL_MS until stopPolling (the header starts it, logging out stops it). */
    startPolling() {
      this.stopPolling()
      void this.refresh()
      timer = setInterval(() => void this.refresh(), POLL_MS)
    },
    stopPolling() {
      if (timer) clearInterval(timer)
      timer = null
    },
    async markRead(id: Id) {
      await markNotificationRead(id)
      this.unread = Math.max(0, this.unread - 1)
    },
    async markAllRead() {
      await markAllNotificationsRead()
      this.unread = 0
    },
    reset() {
      this.stopPolling()
      this.unread = 0
      this.loaded = false
    },
  },
})

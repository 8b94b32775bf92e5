// /audit: the audit log (admin only).
import { requestPage } from './client'
import type { Id, ListQuery } from './types'

export interface AuditEntry {
  id: Id
  at: string
  actor_user_id: Id | null
  actor_name: string | null
  role: string | null
  address: string | null
  action: string
  subject_type: string
  subject_id: Id | string | null
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
}

export interface AuditQuery extends ListQuery {
  action?: string
  subject_type?: string
  actor?: Id
  from?: string
  to?: string
}

/** GET /audit with filters action, subject_type, actor, from, to. */
export const listAudit = (query: AuditQuery = {}) => requestPage<AuditEntry>('/audit', query)

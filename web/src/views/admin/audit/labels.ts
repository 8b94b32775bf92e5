// The audit log in words: every action the server records (found by grepping the server for
// audit entries: `grep -rn "entry_by\|entry_for" server/src`), grouped by kind; the roles; what
// a record is called; and a record's before/after as the fields a person knows (label: before →
// after), enumerations and yes/no in words. Codes never reach the screen: what has no label is
// named by the closest thing that has one.
import type { AuditEntry } from '@/api/audit'
import { i18n, t } from '@/locales'
import { auditActionLabel } from '@/utils/audit'
import { diffRecords, type ChangeKind } from '@/utils/diff'
import { ROLES, enumKey } from '@/utils/enums'
import { formatDateTime } from '@/utils/format'

const te = (key: string) => i18n.global.te(key)
const crud = (subject: string) => ['create', 'update', 'delete'].map((verb) => `${subject}.${verb}`)

/** The proposal workflow's actions (server: modules/proposals/workflow.cpp). */
export const WORKFLOW_ACTIONS = [
  'submit',
  'withdraw',
  'cosign',
  'file',
  'decline',
  'return_for_revision',
  'merge',
  'assign',
  'sign',
  'request_return',
  'reassign',
  'refuse_return',
  'record_consultation',
  'send_opinion',
  'submit_reply',
  'approve_reply',
  'reject_reply',
  'pass_reply',
  'send_back_reply',
  'request_extension',
  'grant_extension',
  'feedback',
  'close',
  'publish',
  'mark_key',
] as const

/** Every action the server writes to the audit log. */
export const AUDIT_ACTIONS: readonly string[] = [
  'auth.login',
  'auth.login_failed',
  'auth.sms_login',
  'auth.password_change',
  'auth.password_reset',
  'auth.committee_switch',
  ...['committee', 'term', 'session', 'sector', 'party', 'special_committee', 'unit', 'member', 'user', 'catalogue_topic'].flatMap(crud),
  'member.link_accept',
  'member.link_decline',
  'user.change_mobile',
  'user.grant',
  'user.revoke',
  'calendar.set',
  'calendar.delete',
  'catalogue.update',
  'catalogue.publish',
  'catalogue.unpublish',
  'catalogue.reorder',
  'catalogue_claim.create',
  'catalogue_claim.delete',
  'proposal.create',
  'proposal.update',
  'proposal.import',
  'proposal.attach',
  'proposal.detach',
  'proposal.follow_up',
  'proposal.follow_up_progress',
  'proposal.arrange_face_to_face',
  'proposal.record_face_to_face',
  'proposal.reply_template',
  'proposal.reply_template_reset',
  ...WORKFLOW_ACTIONS.map((a) => `proposal.${a}`),
  'proposal_settings.update',
]

/** The kinds of action (the part before the dot), in the order of AUDIT_ACTIONS. */
export const ACTION_KINDS: readonly string[] = [...new Set(AUDIT_ACTIONS.map((a) => a.split('.')[0]))]

/** The record types the log speaks of. */
export const SUBJECT_TYPES = [
  'proposal',
  'member',
  'user',
  'unit',
  'committee',
  'term',
  'session',
  'sector',
  'party',
  'special_committee',
  'calendar_day',
  'catalogue',
  'catalogue_topic',
  'catalogue_claim',
  'proposal_import',
  'proposal_settings',
  'reply_template',
] as const

export const actionLabel = (action: string) => auditActionLabel(action, { t, te })
export const kindLabel = (kind: string) => (te(`audit.kinds.${kind}`) ? t(`audit.kinds.${kind}`) : kind)
export const subjectTypeLabel = (type: string) => (te(`audit.subjects.${type}`) ? t(`audit.subjects.${type}`) : t('audit.otherSubject'))

type Actor = Pick<AuditEntry, 'actor_user_id' | 'actor_name'>

/** Who acted: a person, the system itself (demo data), or nobody signed in (a failed login). */
export function actorText(e: Actor): string {
  if (e.actor_user_id) return e.actor_name || t('audit.numbered', { id: e.actor_user_id })
  if (e.actor_name === 'system') return t('audit.system')
  return e.actor_name || t('audit.anonymous')
}

/** The role the actor acted in ('—' when none: signing in, the system, nobody signed in). */
export function roleLabel(role: string | null): string {
  if (!role) return '—'
  return te(enumKey('role', role)) ? t(enumKey('role', role)) : role
}

/** What the record is called: "提案 十四届五次会议 第0082号", "委员 张三", "工作日历 2026-10-01". */
export function subjectText(e: Pick<AuditEntry, 'subject_type' | 'subject_id'> & { subject_label?: string | null }): string {
  const type = subjectTypeLabel(e.subject_type)
  if (e.subject_label) return `${type} ${e.subject_label}`
  if (e.subject_id !== null && e.subject_id !== '') return `${type} ${t('audit.numbered', { id: e.subject_id })}`
  return type
}

/** The enumeration a field's values come from, for a record type (null: not one). */
function enumOf(field: string, subject: string): string | null {
  const bySubject: Record<string, Record<string, string>> = {
    kind: { calendar_day: 'calendarKind', unit: 'unitKind', special_committee: 'scKind', proposal: 'proposalKind' },
    status: { member: 'memberStatus', user: 'userStatus' },
    account: { member: 'memberAccount' },
  }
  if (bySubject[field]) return bySubject[field][subject] ?? null
  const always: Record<string, string> = {
    state: 'proposalState',
    level: 'level',
    gender: 'gender',
    role: 'role',
    group_type: 'groupType',
    handling_type: 'handlingType',
    result_category: 'resultCategory',
    rating: 'rating',
    method: 'consultationMethod',
    conversion: 'conversion',
    category: 'proposalCategory',
  }
  return always[field] ?? null
}

export function fieldLabel(field: string): string {
  return te(`audit.fields.${field}`) ? t(`audit.fields.${field}`) : field
}

/** One value in words: '—' for none, yes/no, an enumeration's label, a list or record spelled out. */
export function valueText(value: unknown, field = '', subject = ''): string {
  if (value === undefined || value === null || value === '') return '—'
  if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no')
  if (typeof value === 'string') {
    if (field.endsWith('_at') && /^\d{4}-\d{2}-\d{2}T/.test(value)) return formatDateTime(value)
    // a unit's part in an assignment is a `role` too (主办, 协办)
    for (const kind of [enumOf(field, subject), field === 'role' ? 'unitRole' : null])
      if (kind && te(enumKey(kind, value))) return t(enumKey(kind, value))
    return value
  }
  if (typeof value === 'number') return String(value)
  if (Array.isArray(value)) return value.length ? value.map((v) => valueText(v, field, subject)).join('、') : '—'
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>
    // a role grant: its role
    if (typeof o.role === 'string' && 'committee_id' in o) return valueText(o.role, 'role')
    return Object.entries(o)
      .filter(([k, v]) => k !== 'id' && v !== null && v !== '')
      .map(([k, v]) => `${fieldLabel(k)}：${valueText(v, k, subject)}`)
      .join('；')
  }
  return String(value)
}

export interface ShownChange {
  field: string
  label: string
  before: string
  after: string
  kind: ChangeKind
}

/** A side of an entry as fields: a list (role grants) is one field, a nested payload spreads out. */
function fieldsOf(side: unknown, subject: string): Record<string, unknown> | null {
  if (side === null || side === undefined) return null
  if (Array.isArray(side)) return { [subject === 'user' ? 'grants' : 'items']: side }
  if (typeof side !== 'object') return { value: side }
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(side as Record<string, unknown>)) {
    if (k === 'payload' && v && typeof v === 'object' && !Array.isArray(v)) Object.assign(out, v)
    else out[k] = v
  }
  return out
}

/** A record's own id, its committee's, or another record's id given as a bare number: nothing a
 * person reads (the names beside them say the same: sector_name, unit_name, …). */
function internalId(field: string, value: unknown): boolean {
  if (field === 'id' || field === 'committee_id' || field === 'version') return true
  return /_ids?$/.test(field) && (typeof value === 'number' || (Array.isArray(value) && value.every((v) => typeof v === 'number')))
}

/** The changed fields of an entry (all of them with `withSame`), in words. */
export function shownChanges(e: { before: unknown; after: unknown; subject_type: string }, withSame = false): ShownChange[] {
  const subject = e.subject_type
  return diffRecords(fieldsOf(e.before, subject), fieldsOf(e.after, subject), withSame)
    .filter((c) => c.field !== 'version' && !internalId(c.field, c.before ?? c.after))
    .map((c) => ({
      field: c.field,
      label: fieldLabel(c.field),
      before: valueText(c.before, c.field, subject),
      after: valueText(c.after, c.field, subject),
      kind: c.kind,
    }))
}

/** Every role and action the label tables must cover (the unit test walks them). */
export const KNOWN = { roles: ROLES, actions: AUDIT_ACTIONS, kinds: ACTION_KINDS, subjects: SUBJECT_TYPES }

// The closed value sets of the organisation model, and their i18n labels.
import type { RoleName } from '@/api/auth'

export const UNIT_KINDS = ['government', 'party', 'court', 'procuratorate', 'enterprise', 'other'] as const
export const GENDERS = ['male', 'female'] as const
export const MEMBER_STATUSES = ['active', 'suspended', 'left'] as const
export const MEMBER_ACCOUNTS = ['linked', 'pending_consent', 'none'] as const
export const USER_STATUSES = ['active', 'disabled'] as const
export const ROLES: readonly RoleName[] = [
  'admin',
  'proposal_staff',
  'committee_staff',
  'member',
  'group_contact',
  'unit_staff',
  'unit_leader',
  'leader',
  'supervisor',
]

/** The i18n key of one value of an enumeration, e.g. enumKey('level', 'city') → 'enums.level.city'. */
export function enumKey(kind: string, value: string | null | undefined): string {
  return `enums.${kind}.${value ?? ''}`
}

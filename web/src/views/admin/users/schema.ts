// Users and role grants: columns, form values, rules, and which scope a role needs.
import type { FormRules } from 'element-plus'
import type { RoleName } from '@/api/auth'
import type { Grant, GrantInput, User, UserInput } from '@/api/users'
import type { Column } from '@/components/ListTable.vue'
import { requiredRule } from '@/composables/useEntityForm'
import { t } from '@/locales'
import { enumKey } from '@/utils/enums'
import { isMobile, isStrongPassword } from '@/utils/validators'

/** Columns; `committeeId` limits the roles shown to the current committee's grants. */
export function columns(committeeId: number | null): Column<User>[] {
  return [
    { prop: 'name', label: 'user.name', minWidth: 100 },
    { prop: 'username', label: 'user.username', minWidth: 120 },
    { prop: 'mobile', label: 'user.mobile', width: 130 },
    { prop: 'status', label: 'user.status', width: 90, formatter: (r) => t(enumKey('userStatus', r.status)) },
    {
      prop: 'grants',
      label: 'user.grants',
      minWidth: 200,
      formatter: (r) =>
        (r.grants ?? [])
          .filter((g) => committeeId === null || g.committee_id === committeeId)
          .map((g) => t(enumKey('role', g.role)))
          .join('、') || '—',
    },
  ]
}

export const emptyUser = (): UserInput => ({ username: '', mobile: '', name: '', status: 'active', must_change_password: true, password: '' })
export const fromUser = (u: User): UserInput => ({
  username: u.username ?? '',
  mobile: u.mobile ?? '',
  name: u.name,
  status: u.status,
  must_change_password: u.must_change_password,
})

/** Empty username/mobile become null; the password is sent only when given. */
export function prepareUser(input: UserInput): UserInput {
  const out: UserInput = {
    ...input,
    name: input.name.trim(),
    username: input.username?.trim() || null,
    mobile: input.mobile?.trim() || null,
  }
  if (!out.password) delete out.password
  return out
}

/** Rules; `creating` says whether the password is required. */
export function rules(form: () => UserInput, creating: () => boolean): FormRules {
  return {
    name: [requiredRule('user.name')],
    username: [
      {
        validator: (_r, _v, cb) => (form().username || form().mobile ? cb() : cb(new Error(t('validation.usernameOrMobile')))),
        trigger: 'blur',
      },
    ],
    mobile: [{ validator: (_r, v: string, cb) => (!v || isMobile(v) ? cb() : cb(new Error(t('validation.mobile')))), trigger: 'blur' }],
    password: [
      {
        validator: (_r, v: string, cb) => {
          if (!v && !creating()) return cb()
          return isStrongPassword(v ?? '') ? cb() : cb(new Error(t('validation.password')))
        },
        trigger: 'blur',
      },
    ],
  }
}

export type ScopeKind = 'unit' | 'special_committee' | 'party_or_sector' | null

/** Which scope a role's grant carries: units for unit roles, a special committee for its staff… */
export function scopeOf(role: RoleName | ''): ScopeKind {
  if (role === 'unit_staff' || role === 'unit_leader') return 'unit'
  if (role === 'committee_staff') return 'special_committee'
  if (role === 'group_contact') return 'party_or_sector'
  return null
}

/** The grant to send: only the scope member the role uses. */
export function prepareGrant(input: GrantInput): GrantInput {
  const scope = scopeOf(input.role)
  const out: GrantInput = { role: input.role }
  if (scope === 'unit' && input.unit_id) out.unit_id = input.unit_id
  if (scope === 'special_committee' && input.special_committee_id) out.special_committee_id = input.special_committee_id
  if (scope === 'party_or_sector') {
    if (input.party_id) out.party_id = input.party_id
    if (input.sector_id) out.sector_id = input.sector_id
  }
  return out
}

/** Names the scope of a grant with the option lists at hand. */
export function scopeLabel(
  g: Grant,
  names: { units: Map<number, string>; specialCommittees: Map<number, string>; parties: Map<number, string>; sectors: Map<number, string> },
): string {
  if (g.unit_id) return names.units.get(g.unit_id) ?? `#${g.unit_id}`
  if (g.special_committee_id) return names.specialCommittees.get(g.special_committee_id) ?? `#${g.special_committee_id}`
  if (g.party_id) return names.parties.get(g.party_id) ?? `#${g.party_id}`
  if (g.sector_id) return names.sectors.get(g.sector_id) ?? `#${g.sector_id}`
  return t('user.noScope')
}

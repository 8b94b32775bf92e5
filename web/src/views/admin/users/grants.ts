// Role grants: which scope a role's grant carries, the grant to send, and how a scope is named.
import type { RoleName } from '@/api/auth'
import type { Grant, GrantInput } from '@/api/users'
import { t } from '@/locales'

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

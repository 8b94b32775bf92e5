// Who the caller is to follow-through items, from the session's grants: the office (政协办公室:
// administrators and proposal staff) acts on every item, a unit's staff and leaders on their own
// unit's. The server decides; these only choose which buttons to show.
import type { SessionUser } from '@/api/auth'
import type { Id } from '@/api/types'

const OFFICE = ['admin', 'proposal_staff']
const UNIT = ['unit_staff', 'unit_leader']

export function isOffice(user: SessionUser | null): boolean {
  return !!user && user.roles.some((r) => OFFICE.includes(r))
}

/** The units the caller acts for (unit staff and leaders). */
export function myUnitIds(user: SessionUser | null): Id[] {
  return (user?.grants ?? []).filter((g) => UNIT.includes(g.role) && g.unit_id != null).map((g) => g.unit_id as Id)
}

/** A unit's people (and not the office): their item forms are fixed to their own unit. */
export function actsForUnit(user: SessionUser | null): boolean {
  return !isOffice(user) && myUnitIds(user).length > 0
}

/** The caller may record progress on and close `item`: its unit or the office. */
export function mayActOnItem(user: SessionUser | null, item: { unit_id: Id; state: string }): boolean {
  return item.state === 'open' && (isOffice(user) || myUnitIds(user).includes(item.unit_id))
}

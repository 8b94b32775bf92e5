// Unit suggestions at assignment: adding a suggested lead or co-unit to the rows of the assignment
// form (AssignUnitsField), whose first row is the lead under 主办+协办 and 单办.
import type { HandlingType, UnitRole } from '@/api/proposals'
import type { Id } from '@/api/types'
import { unitsFor, type UnitChoice } from '@/utils/proposals'

export interface Assignment {
  type: HandlingType
  rows: UnitChoice[]
}

/** Whether the unit is already among the chosen ones. */
export function chosen(rows: UnitChoice[], unitId: Id): boolean {
  return rows.some((r) => r.unit_id === unitId)
}

function fillOrAppend(rows: UnitChoice[], unitId: Id, role: UnitRole, from: number): UnitChoice[] {
  const out = rows.map((r) => ({ ...r }))
  const free = out.findIndex((r, i) => i >= from && r.unit_id === null)
  if (free >= 0) out[free] = { unit_id: unitId, role }
  else out.push({ unit_id: unitId, role })
  return out
}

/**
 * The assignment after taking a suggestion: a lead suggestion becomes the lead (under 分办 one more
 * lead), a co suggestion a co-unit (单办 turns into 主办+协办). A unit is never chosen twice.
 */
export function applySuggestion(current: Assignment, unitId: Id, role: UnitRole): Assignment {
  const { type, rows } = current
  if (type === 'split') {
    if (chosen(rows, unitId)) return current
    return { type, rows: fillOrAppend(rows, unitId, 'lead', 0) }
  }
  if (role === 'lead') {
    // the unit leaves any co slot it held, then takes the lead slot
    const rest = rows.slice(1).filter((r) => r.unit_id !== unitId)
    const lead: UnitChoice = { unit_id: unitId, role: 'lead' }
    return { type, rows: unitsFor(type, [lead, ...rest]) }
  }
  if (chosen(rows, unitId)) return current
  const next: HandlingType = 'lead_co'
  const base = type === 'single' ? unitsFor(next, rows) : rows
  return { type: next, rows: unitsFor(next, fillOrAppend(base, unitId, 'co', 1)) }
}

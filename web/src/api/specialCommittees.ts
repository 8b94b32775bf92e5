// /special-committees (专委会) with their counterpart units (对口单位).
import { crudEndpoints } from './crud'
import type { Id } from './types'

export type SpecialCommitteeKind = 'proposal' | 'other'

export interface SpecialCommittee {
  id: Id
  name: string
  kind: SpecialCommitteeKind
  description: string
  sort: number
  unit_ids: Id[]
  units: { id: Id; name: string }[]
}
export type SpecialCommitteeInput = Omit<SpecialCommittee, 'id' | 'units'>

export const specialCommittees = crudEndpoints<SpecialCommittee, SpecialCommitteeInput>('/special-committees')
export const listSpecialCommittees = specialCommittees.list
export const allSpecialCommittees = specialCommittees.all
export const getSpecialCommittee = specialCommittees.get
export const createSpecialCommittee = specialCommittees.create
export const updateSpecialCommittee = specialCommittees.update
export const deleteSpecialCommittee = specialCommittees.remove

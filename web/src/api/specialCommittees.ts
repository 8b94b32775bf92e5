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

const endpoints = crudEndpoints<SpecialCommittee, SpecialCommitteeInput>('/special-committees')
export const listSpecialCommittees = endpoints.list
export const allSpecialCommittees = endpoints.all
export const getSpecialCommittee = endpoints.get
export const createSpecialCommittee = endpoints.create
export const updateSpecialCommittee = endpoints.update
export const deleteSpecialCommittee = endpoints.remove

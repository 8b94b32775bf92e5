// /units (承办单位) with their contacts, and their import.
import { crudEndpoints } from './crud'
import type { Id } from './types'

export type UnitKind = 'government' | 'party' | 'court' | 'procuratorate' | 'enterprise' | 'other'

export interface UnitContact {
  name: string
  title: string
  phone: string
}

export interface Unit {
  id: Id
  name: string
  short_name: string
  kind: UnitKind
  leader_name: string
  contact_name: string
  contact_phone: string
  address: string
  contacts: UnitContact[]
  sort: number
}
export type UnitInput = Omit<Unit, 'id'>

const endpoints = crudEndpoints<Unit, UnitInput>('/units')
export const listUnits = endpoints.list
export const allUnits = endpoints.all
export const getUnit = endpoints.get
export const createUnit = endpoints.create
export const updateUnit = endpoints.update
export const deleteUnit = endpoints.remove

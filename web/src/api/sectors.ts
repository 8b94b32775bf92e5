// /sectors (界别) and /parties (党派).
import { crudEndpoints } from './crud'
import type { Id } from './types'

export interface Sector {
  id: Id
  name: string
  description: string
  sort: number
}
export type SectorInput = Omit<Sector, 'id'>

export interface Party {
  id: Id
  name: string
  short_name: string
  sort: number
}
export type PartyInput = Omit<Party, 'id'>

export const sectors = crudEndpoints<Sector, SectorInput>('/sectors')
export const listSectors = sectors.list
export const allSectors = sectors.all
export const getSector = sectors.get
export const createSector = sectors.create
export const updateSector = sectors.update
export const deleteSector = sectors.remove

export const parties = crudEndpoints<Party, PartyInput>('/parties')
export const listParties = parties.list
export const allParties = parties.all
export const getParty = parties.get
export const createParty = parties.create
export const updateParty = parties.update
export const deleteParty = parties.remove

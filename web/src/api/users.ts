// /users (accounts) and their role grants.
import { request } from './client'
import { crudEndpoints } from './crud'
import type { RoleName } from './auth'
import type { Id } from './types'

export type UserStatus = 'active' | 'disabled'

export interface Grant {
  id: Id
  committee_id: Id
  role: RoleName
  unit_id: Id | null
  special_committee_id: Id | null
  party_id: Id | null
  sector_id: Id | null
}

export interface User {
  id: Id
  username: string | null
  mobile: string | null
  name: string
  status: UserStatus
  must_change_password: boolean
  grants: Grant[]
}

export interface UserInput {
  username: string | null
  mobile: string | null
  name: string
  status: UserStatus
  must_change_password: boolean
  password?: string
}

export interface GrantInput {
  role: RoleName
  unit_id?: Id | null
  special_committee_id?: Id | null
  party_id?: Id | null
  sector_id?: Id | null
}

const endpoints = crudEndpoints<User, UserInput>('/users')
export const listUsers = endpoints.list
export const getUser = endpoints.get
export const createUser = endpoints.create
export const updateUser = endpoints.update
export const deleteUser = endpoints.remove

/** POST /users/{id}/grants: grant a role in the current committee. */
export const addGrant = (userId: Id, input: GrantInput) =>
  request<Grant>(`/users/${userId}/grants`, { method: 'POST', body: input })

/** DELETE /users/{id}/grants/{grant_id}. */
export const removeGrant = (userId: Id, grantId: Id) =>
  request<void>(`/users/${userId}/grants/${grantId}`, { method: 'DELETE' })

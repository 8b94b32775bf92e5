// /members (委员), and the member's own record under /me.
import { request } from './client'
import { crudEndpoints } from './crud'
import type { Id } from './types'

export type Gender = 'male' | 'female'
export type MemberStatus = 'active' | 'suspended' | 'left'

export interface Member {
  id: Id
  name: string
  gender: Gender
  mobile: string
  /** Null only while a form has no sector chosen yet. */
  sector_id: Id | null
  sector_name: string
  party_id: Id | null
  party_name: string | null
  is_standing: boolean
  employer: string
  title: string
  status: MemberStatus
  special_committee_ids: Id[]
  user_id: Id | null
  /** Present in the create answer when an account was made for the member. */
  initial_password?: string
}
export type MemberInput = Omit<Member, 'id' | 'sector_name' | 'party_name' | 'user_id' | 'initial_password'>

const endpoints = crudEndpoints<Member, MemberInput>('/members')
export const listMembers = endpoints.list
export const getMember = endpoints.get
export const createMember = endpoints.create
export const updateMember = endpoints.update
export const deleteMember = endpoints.remove

/** GET /me/member: the caller's own member record (404 when the caller is not a member). */
export const fetchMyMember = () => request<Member>('/me/member', { silent: true })

/** POST /me/mobile: change one's mobile with the code sent to the new number. */
export const changeMyMobile = (mobile: string, code: string) =>
  request<Member | void>('/me/mobile', { method: 'POST', body: { mobile, code }, silent: true })

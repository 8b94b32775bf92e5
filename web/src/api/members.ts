// /members (委员), and the member's own record under /me.
import { request } from './client'
import { crudEndpoints } from './crud'
import type { Id } from './types'

export type Gender = 'male' | 'female'
export type MemberStatus = 'active' | 'suspended' | 'left'
/** Whether the member signs in: their own account, one waiting for its holder's consent, or none. */
export type MemberAccount = 'linked' | 'pending_consent' | 'none'

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
  /** The existing account asked to consent to the link (its holder has not answered yet). */
  pending_user_id?: Id | null
  /** Sent by the server with every member; older answers leave it out. */
  account?: MemberAccount
  /** Present in the create answer when an account was made for the member. */
  initial_password?: string
}
export type MemberInput = Omit<
  Member,
  'id' | 'sector_name' | 'party_name' | 'user_id' | 'pending_user_id' | 'account' | 'initial_password'
>

/** A committee that registered the caller's mobile for a member and waits for the caller's consent. */
export interface MemberLink {
  member_id: Id
  committee_id: Id
  committee_name: string
  member_name: string
  sector_name: string
  created_at: string
}

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

/** GET /me/member-links: the member links waiting for the caller's consent. */
export const listMyMemberLinks = async (opts: { silent?: boolean } = {}): Promise<MemberLink[]> =>
  (await request<{ items?: MemberLink[] }>('/me/member-links', { silent: opts.silent })).items ?? []

/** POST /me/member-links/{member_id}/accept: link that member to the caller's own account. */
export const acceptMemberLink = (memberId: Id) =>
  request<void>(`/me/member-links/${memberId}/accept`, { method: 'POST' })

/** POST /me/member-links/{member_id}/decline: refuse the link; the member stays without an account. */
export const declineMemberLink = (memberId: Id) =>
  request<void>(`/me/member-links/${memberId}/decline`, { method: 'POST' })

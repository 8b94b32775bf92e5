// /auth: password and SMS log in, captcha, session, password change and reset, committee switch.
import { request } from './client'
import type { Id } from './types'

export type RoleName =
  | 'admin'
  | 'proposal_staff'
  | 'committee_staff'
  | 'member'
  | 'group_contact'
  | 'unit_staff'
  | 'unit_leader'
  | 'leader'
  | 'supervisor'

export interface CommitteeRoles {
  id: Id
  name: string
  roles: RoleName[]
}

/** One role grant of the session, with its data scope (a unit, party, sector or special committee). */
export interface SessionGrant {
  role: RoleName
  unit_id?: Id | null
  party_id?: Id | null
  sector_id?: Id | null
  special_committee_id?: Id | null
}

export interface SessionUser {
  id: Id
  name: string
  username: string | null
  mobile: string | null
  must_change_password: boolean
  committee_id: Id | null
  roles: RoleName[]
  committees: CommitteeRoles[]
  /** The grants in the current committee (present on servers that send them). */
  grants?: SessionGrant[]
}

/** Answer of login, me and committee switch. */
export interface SessionAnswer {
  user: SessionUser
  csrf_token: string
}

export interface Captcha {
  id: string
  image: string
}

export interface LoginInput {
  login: string
  password: string
  captcha_id?: string
  captcha_answer?: string
}

export type SmsPurpose = 'login' | 'reset' | 'change_mobile'

export interface SmsSendInput {
  phone: string
  purpose: SmsPurpose
  captcha_id: string
  captcha_answer: string
}

const quiet = { silent: true, noRedirect: true } as const

/** POST /auth/login. Errors (captcha_required, account_locked…) are shown by the form. */
export const login = (input: LoginInput) => request<SessionAnswer>('/auth/login', { method: 'POST', body: input, ...quiet })

/** GET /auth/captcha: a new image captcha. */
export const fetchCaptcha = () => request<Captcha>('/auth/captcha', { noRedirect: true })

/** GET /auth/me: the session's user, 401 when not logged in. */
export const fetchMe = () => request<SessionAnswer>('/auth/me', quiet)

/** POST /auth/logout. */
export const logout = () => request<void>('/auth/logout', { method: 'POST', ...quiet })

/** POST /auth/password: change one's own password. */
export const changePassword = (old_password: string, new_password: string) =>
  request<void>('/auth/password', { method: 'POST', body: { old_password, new_password }, noRedirect: true })

/** POST /auth/committee: switch the current committee. */
export const switchCommittee = (committee_id: Id) =>
  request<SessionAnswer>('/auth/committee', { method: 'POST', body: { committee_id } })

/** POST /auth/sms/send: send a code (always behind a captcha). Errors are shown by the form. */
export const sendSms = (input: SmsSendInput) => request<void>('/auth/sms/send', { method: 'POST', body: input, ...quiet })

/** POST /auth/sms/login. */
export const smsLogin = (phone: string, code: string) =>
  request<SessionAnswer>('/auth/sms/login', { method: 'POST', body: { phone, code }, ...quiet })

/** POST /auth/password/reset: set a new password with an SMS code. */
export const resetPassword = (phone: string, code: string, new_password: string) =>
  request<void>('/auth/password/reset', { method: 'POST', body: { phone, code, new_password }, ...quiet })

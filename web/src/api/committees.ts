// /committees, /terms and /sessions: the committee tree and its terms (届) and sessions (次会议).
import { crudEndpoints } from './crud'
import type { Id } from './types'

export type CommitteeLevel = 'province' | 'city' | 'district'

export interface Committee {
  id: Id
  parent_id: Id | null
  name: string
  short_name: string
  level: CommitteeLevel
  region: string
}
export type CommitteeInput = Omit<Committee, 'id'>

export interface Term {
  id: Id
  number: number
  name: string
  start_date: string
  end_date: string
}
export type TermInput = Omit<Term, 'id'>

export interface Session {
  id: Id
  term_id: Id
  number: number
  name: string
  start_date: string
  end_date: string
  is_current: boolean
}
export type SessionInput = Omit<Session, 'id'>

export const committees = crudEndpoints<Committee, CommitteeInput>('/committees')
export const listCommittees = committees.list
export const allCommittees = committees.all
export const getCommittee = committees.get
export const createCommittee = committees.create
export const updateCommittee = committees.update
export const deleteCommittee = committees.remove

const terms = crudEndpoints<Term, TermInput>('/terms')
export const listTerms = terms.list
export const allTerms = terms.all
export const getTerm = terms.get
export const createTerm = terms.create
export const updateTerm = terms.update
export const deleteTerm = terms.remove

const sessions = crudEndpoints<Session, SessionInput>('/sessions')
export const listSessions = sessions.list
export const getSession = sessions.get
export const createSession = sessions.create
export const updateSession = sessions.update
export const deleteSession = sessions.remove

// Reference data the proposal pages share, loaded once per session and only when a page needs
// it: the workflow table, the decline reasons, units, sessions, special committees, leaders.
import { defineStore } from 'pinia'
import { fetchDeclineReasons, fetchWorkflow, type Workflow } from '@/api/proposals'
import { allUnits } from '@/api/units'
import { request, requestAll } from '@/api/client'
import type { Session } from '@/api/committees'
import type { SpecialCommittee } from '@/api/specialCommittees'
import type { Id, Page } from '@/api/types'
import type { User } from '@/api/users'

export interface Option {
  id: Id
  name: string
}

export type RefKind = 'workflow' | 'declineReasons' | 'units' | 'sessions' | 'specialCommittees' | 'leaders'

interface RefsState {
  workflow: Workflow | null
  declineReasons: string[]
  units: Option[]
  sessions: Session[]
  specialCommittees: Option[]
  /** Users holding the leader role; empty when the caller may not list users. */
  leaders: Option[]
  /** Kinds the server refused or failed to give (the pages degrade). */
  unavailable: RefKind[]
}

const pending = new Map<RefKind, Promise<void>>()

const loaders: Record<RefKind, (s: RefsState) => Promise<void>> = {
  workflow: async (s) => {
    s.workflow = await fetchWorkflow()
  },
  declineReasons: async (s) => {
    s.declineReasons = await fetchDeclineReasons()
  },
  units: async (s) => {
    s.units = (await allUnits()).map((u) => ({ id: u.id, name: u.name }))
  },
  sessions: async (s) => {
    s.sessions = await requestAll<Session>('/sessions')
  },
  specialCommittees: async (s) => {
    s.specialCommittees = (await requestAll<SpecialCommittee>('/special-committees')).map((c) => ({ id: c.id, name: c.name }))
  },
  // Only admins may list users (GET /users has no role filter): read the grants of every user.
  leaders: async (s) => {
    const found: Option[] = []
    for (let page = 1; page <= 20; page++) {
      const res = await request<Page<User>>('/users', { query: { page, page_size: 100 }, silent: true })
      for (const u of res.items ?? []) if (u.grants?.some((g) => g.role === 'leader')) found.push({ id: u.id, name: u.name })
      if ((res.items ?? []).length < 100 || page * 100 >= res.total) break
    }
    s.leaders = found
  },
}

export const useProposalRefs = defineStore('proposalRefs', {
  state: (): RefsState => ({
    workflow: null,
    declineReasons: [],
    units: [],
    sessions: [],
    specialCommittees: [],
    leaders: [],
    unavailable: [],
  }),
  getters: {
    currentSession: (s): Session | null => s.sessions.find((x) => x.is_current) ?? null,
    unitName: (s) => (id: Id) => s.units.find((u) => u.id === id)?.name ?? `#${id}`,
  },
  actions: {
    /** Loads the kinds not loaded yet (each once; concurrent callers share the request). */
    async ensure(...kinds: RefKind[]) {
      await Promise.all(
        kinds.map((kind) => {
          let p = pending.get(kind)
          if (!p) {
            p = loaders[kind](this.$state).catch(() => {
              if (!this.unavailable.includes(kind)) this.unavailable.push(kind)
            })
            pending.set(kind, p)
          }
          return p
        }),
      )
    },
    /** Forgets everything (another committee, another user). */
    forget() {
      pending.clear()
      this.$reset()
    },
  },
})

// Reference data the proposal pages share, loaded once per session and only when a page needs
// it: the workflow (states with their tabs, the state sets, upload rules; pages read these
// instead of listing states themselves), the committee's proposal settings (decline reasons, result categories,
// windows), units, sessions, special committees, leaders.
import { defineStore } from 'pinia'
import { fetchDeclineReasons, fetchLeaders, fetchProposalSettings, fetchWorkflow, PROPOSAL_CATEGORIES, type ProposalSettings, type ResultCategory, type Workflow } from '@/api/proposals'
import { allUnits } from '@/api/units'
import { requestAll } from '@/api/client'
import type { Session } from '@/api/committees'
import type { SpecialCommittee } from '@/api/specialCommittees'
import type { Id } from '@/api/types'
import { editableStates, handlingStates, memberTabStates } from '@/utils/proposals'

export interface Option {
  id: Id
  name: string
}

export type RefKind = 'workflow' | 'settings' | 'declineReasons' | 'units' | 'sessions' | 'specialCommittees' | 'leaders'

interface RefsState {
  workflow: Workflow | null
  /** The committee's proposal settings (提案设置). */
  settings: ProposalSettings | null
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
  settings: async (s) => {
    s.settings = await fetchProposalSettings()
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
  // Admins and proposal staff read the committee's leaders (id and name only).
  leaders: async (s) => {
    s.leaders = await fetchLeaders()
  },
}

export const useProposalRefs = defineStore('proposalRefs', {
  state: (): RefsState => ({
    workflow: null,
    settings: null,
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
    /** The result categories a reply may carry (A–C until the settings say D too). */
    resultCategories: (s): ResultCategory[] => s.settings?.result_categories ?? ['A', 'B', 'C'],
    /** The committee's proposal categories (the built-in six until the settings have loaded). */
    categories: (s): string[] => {
      const own = s.settings?.categories
      return own?.length ? own : [...PROPOSAL_CATEGORIES]
    },
    /** The workflow's sets (empty until `ensure('workflow')` has loaded it). */
    handlingStates: (s) => handlingStates(s.workflow),
    editableStates: (s) => editableStates(s.workflow),
    memberTabStates: (s) => memberTabStates(s.workflow),
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
    /** Takes newly saved settings (the settings page), so open forms use them at once. */
    applySettings(settings: ProposalSettings) {
      this.settings = settings
      this.declineReasons = [...settings.decline_reasons]
      pending.set('settings', Promise.resolve())
      pending.set('declineReasons', Promise.resolve())
    },
    /** Forgets everything (another committee, another user). */
    forget() {
      pending.clear()
      this.$reset()
    },
  },
})

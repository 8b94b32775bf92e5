// The choices the topic form offers: leaders (the module's own list, which committee staff and
// contacts may read), special committees (with their counterpart units),
// parties, sectors, units, and key proposals searched by title. Loaded quietly: a list the caller
// may not read comes back empty and the form keeps the topic's own values.
import { reactive } from 'vue'
import { request } from '@/api/client'
import { listLeaders } from '@/api/consultations'
import { listProposals } from '@/api/proposals'
import type { Id } from '@/api/types'

export interface PickOption {
  id: Id
  name: string
}

export interface SpecialOption extends PickOption {
  unit_ids: Id[]
}

interface PickerState {
  leaders: PickOption[]
  specialCommittees: SpecialOption[]
  parties: PickOption[]
  sectors: PickOption[]
  units: PickOption[]
  loaded: boolean
}

const state = reactive<PickerState>({ leaders: [], specialCommittees: [], parties: [], sectors: [], units: [], loaded: false })
let loading: Promise<void> | null = null

/** Every page of a collection, quietly (an empty list when refused). */
async function quietAll<T>(path: string, query: Record<string, string | number> = {}): Promise<T[]> {
  const all: T[] = []
  try {
    for (let page = 1; ; page++) {
      const res = await request<{ items?: T[]; total?: number }>(path, { query: { ...query, page, page_size: 100 }, silent: true })
      const items = res.items ?? []
      all.push(...items)
      if (items.length === 0 || all.length >= (res.total ?? all.length)) return all
    }
  } catch {
    return all
  }
}

/** Loads the pickers once; answers the shared state. */
export function usePickers(): PickerState {
  if (!state.loaded && !loading) {
    loading = Promise.all([
      listLeaders()
        .then((r) => r.items)
        .catch(() => [] as PickOption[]),
      quietAll<SpecialOption>('/special-committees'),
      quietAll<PickOption>('/parties'),
      quietAll<PickOption>('/sectors'),
      quietAll<PickOption>('/units'),
    ]).then(([leaders, specials, parties, sectors, units]) => {
      state.leaders = leaders.map((x) => ({ id: x.id, name: x.name }))
      state.specialCommittees = specials.map((x) => ({ id: x.id, name: x.name, unit_ids: x.unit_ids ?? [] }))
      state.parties = parties.map((x) => ({ id: x.id, name: x.name }))
      state.sectors = sectors.map((x) => ({ id: x.id, name: x.name }))
      state.units = units.map((x) => ({ id: x.id, name: x.name }))
      state.loaded = true
      loading = null
    })
  }
  return state
}

/** Adds `extra` (the topic's own values) to `options` when the list does not hold them. */
export function withOwn(options: PickOption[], extra: (PickOption | null)[]): PickOption[] {
  const out = [...options]
  for (const e of extra) if (e && !out.some((o) => o.id === e.id)) out.push(e)
  return out
}

/** Key proposals (重点提案) whose title or number holds `q`, for 提案办理协商. */
export async function searchKeyProposals(q: string): Promise<{ id: Id; title: string; number_label: string | null }[]> {
  try {
    const page = await listProposals({ key: 1, q, page_size: 20 })
    return page.items.map((p) => ({ id: p.id, title: p.title, number_label: p.number_label ?? null }))
  } catch {
    return []
  }
}

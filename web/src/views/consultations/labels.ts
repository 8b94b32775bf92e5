// The consultation pages' words for the server's names: kinds, forms, states, actions (the
// workflow's and the history's own), meeting kinds and states. Each comes from i18n when the
// locale has it, else from the server's label in the workflow, else a generic word, so no raw
// code reaches the screen. The workflow is loaded once per session.
import { ref } from 'vue'
import { fetchConsultationWorkflow, labelIn, type ConsultationWorkflow, type Named } from '@/api/consultations'

type Translate = (key: string, named?: Record<string, unknown>) => string
type Has = (key: string) => boolean

const workflow = ref<ConsultationWorkflow | null>(null)
let pending: Promise<ConsultationWorkflow | null> | null = null

/** Loads the workflow once (later calls share the answer); null when it could not be read. */
export function ensureWorkflow(): Promise<ConsultationWorkflow | null> {
  if (workflow.value) return Promise.resolve(workflow.value)
  if (!pending)
    pending = fetchConsultationWorkflow()
      .then((wf) => (workflow.value = wf))
      .catch(() => {
        pending = null
        return null
      })
  return pending
}

/** Forgets the loaded workflow (tests, committee switch). */
export function forgetWorkflow() {
  workflow.value = null
  pending = null
}

/** The kinds of value the pages name. */
export type LabelKind =
  | 'kind'
  | 'form'
  | 'state'
  | 'planState'
  | 'planAction'
  | 'action'
  | 'meetingKind'
  | 'meetingState'
  | 'outcomeKind'
  | 'outcomeState'
  | 'outcomeAction'
  | 'adoption'

function serverList(wf: ConsultationWorkflow | null, kind: LabelKind): Named[] | undefined {
  if (!wf) return undefined
  switch (kind) {
    case 'kind':
      return wf.kinds
    case 'form':
      return wf.forms
    case 'state':
      return wf.topic.states
    case 'planState':
      return wf.plan.states
    case 'planAction':
      return wf.plan.actions
    case 'action':
      return wf.topic.actions
    case 'outcomeKind':
      return wf.outcome?.kinds
    case 'outcomeState':
      return wf.outcome?.states
    case 'outcomeAction':
      return wf.outcome?.actions
    case 'adoption':
      return wf.outcome?.adoptions
    default:
      return undefined
  }
}

/**
 * The word for `name` of `kind`: i18n `consultations.<kind>.<name>`, else the server's label
 * (`fallback`, or the workflow's), else "other" words of the block.
 */
export function labelOf(t: Translate, te: Has, wf: ConsultationWorkflow | null, kind: LabelKind, name: string | null | undefined, fallback?: string | null): string {
  if (!name) return '—'
  const key = `consultations.${kind}.${name}`
  if (te(key)) return t(key)
  const server = fallback || labelIn(serverList(wf, kind), name)
  if (server) return server
  return t('consultations.unknownValue')
}

/** The tag colour of a topic state. */
export function topicStateType(state: string): 'primary' | 'success' | 'warning' | 'info' | 'danger' {
  switch (state) {
    case 'proposed':
      return 'warning'
    case 'planned':
      return 'primary'
    case 'researching':
      return 'warning'
    case 'consulted':
      return 'success'
    case 'dropped':
      return 'info'
    case 'following':
      return 'warning'
    case 'concluded':
      return 'success'
    default:
      return 'primary'
  }
}

/** The tag colour of an outcome state. */
export function outcomeStateType(state: string): 'primary' | 'success' | 'warning' | 'info' {
  switch (state) {
    case 'drafting':
      return 'info'
    case 'review':
      return 'warning'
    case 'concluded':
      return 'success'
    default:
      return 'primary'
  }
}

/** The tag colour of a follow-through item: red when late, green when done. */
export function followItemType(item: { state: string; late_working_days: number }): 'danger' | 'success' | 'primary' {
  if (item.state === 'done') return 'success'
  return item.late_working_days > 0 ? 'danger' : 'primary'
}

/** The tag colour of a plan state. */
export function planStateType(state: string): 'primary' | 'success' | 'warning' | 'info' {
  if (state === 'published') return 'success'
  if (state === 'drafting') return 'info'
  return 'warning'
}

/** Who leads a topic besides its leader: the special committee, else the party and sector. */
export function leadingBody(topic: { special_committee_name: string | null; party_name: string | null; sector_name: string | null }): string {
  const parts = [topic.special_committee_name, topic.party_name, topic.sector_name].filter((x): x is string => !!x)
  return parts.length ? parts.join('、') : '—'
}

/** The composable the pages use: the workflow (reactive) and `label(kind, name, fallback)`. */
export function useConsultationLabels(t: Translate, te: Has) {
  void ensureWorkflow()
  return {
    workflow,
    label: (kind: LabelKind, name: string | null | undefined, fallback?: string | null) => labelOf(t, te, workflow.value, kind, name, fallback),
    month: (m: number | null | undefined) => (m ? t('consultations.monthN', { n: m }) : '—'),
    /** What a person is told once `action` of `kind` is done ("计划已印发"), in words of its own. */
    said: (kind: 'plan' | 'topic' | 'outcome', action: string, actionLabel: string) => {
      const key = `consultations.said.${kind}.${action.replace(':', '_')}`
      return te(key) ? t(key) : t('consultations.stepDone', { action: actionLabel })
    },
  }
}

/** Today (or `d`) as YYYY-MM-DD in local time. */
export function todayIso(d: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

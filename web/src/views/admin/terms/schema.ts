// Terms (届) and the sessions (次会议) of a term: the lists' columns, the forms' fields (limits
// from the server's OpenAPI) and the check that a period ends after it starts.
import type { FormItemRule } from 'element-plus'
import { allTerms, type Session, type SessionInput, type Term, type TermInput } from '@/api/committees'
import { crudEndpoints } from '@/api/crud'
import { requiredRule } from '@/composables/useEntityForm'
import { t } from '@/locales'
import { isDateRangeInverted } from '@/utils/validators'
import { defineResource, type FieldSpec } from '../resource/types'

/** Rules of a form with start_date/end_date: both required, the end not before the start. */
function datedRules(form: () => { start_date: string; end_date: string }): Record<string, FormItemRule[]> {
  return {
    start_date: [requiredRule('common.startDate', 'change')],
    end_date: [
      requiredRule('common.endDate', 'change'),
      {
        validator: (_r, _v, cb) => (isDateRangeInverted(form().start_date, form().end_date) ? cb(new Error(t('validation.dateOrder'))) : cb()),
        trigger: 'change',
      },
    ],
  }
}

/** The fields every period has: its number, name and dates (ids prefixed by `id`). */
function periodFields(id: 'term' | 'session'): FieldSpec[] {
  return [
    { prop: 'number', label: `${id}.number`, widget: 'number', id: `${id}-number`, min: 1, max: 99 },
    { prop: 'name', label: `${id}.name`, widget: 'text', id: `${id}-name` },
    { prop: 'start_date', label: 'common.startDate', widget: 'date', id: `${id}-start` },
    { prop: 'end_date', label: 'common.endDate', widget: 'date', id: `${id}-end` },
  ]
}

const periodColumns = (id: 'term' | 'session', nameWidth: number) => [
  { prop: 'number', label: `${id}.number`, width: 90 },
  { prop: 'name', label: `${id}.name`, minWidth: nameWidth },
  { prop: 'start_date', label: 'common.startDate', width: 120 },
  { prop: 'end_date', label: 'common.endDate', width: 120 },
]

export const termResource = defineResource<Term, TermInput>({
  api: crudEndpoints<Term, TermInput>('/terms'),
  title: 'menu.terms',
  i18n: 'term',
  search: false,
  columns: () => periodColumns('term', 140),
  fields: periodFields('term'),
  actionsWidth: 190,
  empty: () => ({ number: 1, name: '', start_date: '', end_date: '' }),
  fromRecord: ({ number, name, start_date, end_date }) => ({ number, name, start_date, end_date }),
  rules: (form) => ({ number: [requiredRule('term.number')], name: [requiredRule('term.name')], ...datedRules(form) }),
})

export const sessionResource = defineResource<Session, SessionInput>({
  api: crudEndpoints<Session, SessionInput>('/sessions'),
  title: 'session.title',
  i18n: 'session',
  search: false,
  columns: () => [
    ...periodColumns('session', 160),
    { prop: 'is_current', label: 'session.isCurrent', width: 100, formatter: (r) => t(r.is_current ? 'common.yes' : 'common.no') },
  ],
  tags: { is_current: (r) => (r.is_current ? { type: 'success', label: t('session.isCurrent') } : null) },
  fields: [
    { prop: 'term_id', label: 'session.term', widget: 'select', options: 'terms' },
    ...periodFields('session'),
    { prop: 'is_current', label: 'session.isCurrent', widget: 'switch' },
  ],
  options: { terms: async () => (await allTerms()).map(({ id, name }) => ({ id, name })) },
  empty: () => ({ term_id: 0, number: 1, name: '', start_date: '', end_date: '', is_current: false }),
  fromRecord: ({ term_id, number, name, start_date, end_date, is_current }) => ({ term_id, number, name, start_date, end_date, is_current }),
  rules: (form) => ({ number: [requiredRule('session.number')], name: [requiredRule('session.name')], ...datedRules(form) }),
})

// Terms (届) and sessions (次会议): columns, form values and rules.
import type { FormRules } from 'element-plus'
import type { Session, SessionInput, Term, TermInput } from '@/api/committees'
import type { Column } from '@/components/ListTable.vue'
import { requiredRule } from '@/composables/useEntityForm'
import { t } from '@/locales'
import { isDateRangeInverted } from '@/utils/validators'

export const termColumns: Column<Term>[] = [
  { prop: 'number', label: 'term.number', width: 90 },
  { prop: 'name', label: 'term.name', minWidth: 140 },
  { prop: 'start_date', label: 'common.startDate', width: 120 },
  { prop: 'end_date', label: 'common.endDate', width: 120 },
]

export const sessionColumns: Column<Session>[] = [
  { prop: 'number', label: 'session.number', width: 90 },
  { prop: 'name', label: 'session.name', minWidth: 160 },
  { prop: 'start_date', label: 'common.startDate', width: 120 },
  { prop: 'end_date', label: 'common.endDate', width: 120 },
  { prop: 'is_current', label: 'session.isCurrent', width: 100, formatter: (r) => t(r.is_current ? 'common.yes' : 'common.no') },
]

export const emptyTerm = (): TermInput => ({ number: 1, name: '', start_date: '', end_date: '' })
export const fromTerm = ({ number, name, start_date, end_date }: Term): TermInput => ({ number, name, start_date, end_date })

export const emptySession = (termId: number): SessionInput => ({
  term_id: termId,
  number: 1,
  name: '',
  start_date: '',
  end_date: '',
  is_current: false,
})
export const fromSession = ({ term_id, number, name, start_date, end_date, is_current }: Session): SessionInput => ({
  term_id,
  number,
  name,
  start_date,
  end_date,
  is_current,
})

/** Rules of a form with start_date/end_date; `form` gives the values being edited. */
export function datedRules(form: () => { start_date: string; end_date: string }, nameKey: string, numberKey: string): FormRules {
  return {
    number: [requiredRule(numberKey)],
    name: [requiredRule(nameKey)],
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

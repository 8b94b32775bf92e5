// Special committees (专委会): columns, form values and rules.
import type { FormRules } from 'element-plus'
import type { SpecialCommittee, SpecialCommitteeInput } from '@/api/specialCommittees'
import type { Column } from '@/components/ListTable.vue'
import { requiredRule } from '@/composables/useEntityForm'
import { t } from '@/locales'
import { enumKey } from '@/utils/enums'

export const columns: Column<SpecialCommittee>[] = [
  { prop: 'name', label: 'sc.name', minWidth: 160 },
  { prop: 'kind', label: 'sc.kind', width: 130, formatter: (r) => t(enumKey('scKind', r.kind)) },
  { prop: 'units', label: 'sc.units', minWidth: 240, formatter: (r) => (r.units ?? []).map((u) => u.name).join('、') || '—' },
  { prop: 'sort', label: 'common.sort', width: 80 },
]

export const emptySpecialCommittee = (): SpecialCommitteeInput => ({ name: '', kind: 'other', description: '', sort: 0, unit_ids: [] })
export const fromSpecialCommittee = (r: SpecialCommittee): SpecialCommitteeInput => ({
  name: r.name,
  kind: r.kind,
  description: r.description,
  sort: r.sort,
  unit_ids: r.unit_ids ?? (r.units ?? []).map((u) => u.id),
})

export const rules: FormRules = {
  name: [requiredRule('sc.name')],
  kind: [requiredRule('sc.kind', 'change')],
}

// Special committees (专委会) with their counterpart units: the list's columns and filter, the
// form's fields (limits and kinds from the server's OpenAPI).
import { specialCommittees, type SpecialCommittee, type SpecialCommitteeInput } from '@/api/specialCommittees'
import { allUnits } from '@/api/units'
import { t } from '@/locales'
import { enumKey } from '@/utils/enums'
import { defineResource } from '../resource/types'

export const specialCommitteeResource = defineResource<SpecialCommittee, SpecialCommitteeInput>({
  api: specialCommittees,
  title: 'menu.specialCommittees',
  i18n: 'sc',
  columns: () => [
    { prop: 'name', label: 'sc.name', minWidth: 160 },
    { prop: 'kind', label: 'sc.kind', width: 130, formatter: (r) => t(enumKey('scKind', r.kind)) },
    { prop: 'units', label: 'sc.units', minWidth: 240, formatter: (r) => (r.units ?? []).map((u) => u.name).join('、') || '—' },
    { prop: 'sort', label: 'common.sort', width: 80 },
  ],
  filters: [{ prop: 'kind', label: 'sc.kind', enumKind: 'scKind' }],
  fields: [
    { prop: 'name', label: 'sc.name', widget: 'text', id: 'sc-name' },
    { prop: 'kind', label: 'sc.kind', widget: 'choice', enumKind: 'scKind' },
    { prop: 'unit_ids', label: 'sc.units', widget: 'multiselect', options: 'units' },
    { prop: 'description', label: 'common.description', widget: 'textarea', id: 'sc-description', rows: 3 },
    { prop: 'sort', label: 'common.sort', widget: 'number', id: 'sc-sort', min: 0, max: 9999 },
  ],
  options: { units: async () => (await allUnits()).map((u) => ({ id: u.id, name: u.name })) },
  empty: () => ({ name: '', kind: 'other', description: '', sort: 0, unit_ids: [] }),
  fromRecord: (r) => ({
    name: r.name,
    kind: r.kind,
    description: r.description,
    sort: r.sort,
    unit_ids: r.unit_ids ?? (r.units ?? []).map((u) => u.id),
  }),
})

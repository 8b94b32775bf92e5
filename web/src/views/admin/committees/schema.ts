// Committees (政协组织) the user administers, the current one and those below it: the list's
// columns and filter, the form's fields (limits and levels from the server's OpenAPI).
import { allCommittees, committees, type Committee, type CommitteeInput } from '@/api/committees'
import { t } from '@/locales'
import { enumKey } from '@/utils/enums'
import { defineResource } from '../resource/types'

export const committeeResource = defineResource<Committee, CommitteeInput>({
  api: committees,
  title: 'menu.committees',
  i18n: 'committee',
  columns: ({ committees: every = [] }) => [
    { prop: 'name', label: 'committee.name', minWidth: 200 },
    { prop: 'short_name', label: 'committee.shortName', minWidth: 120 },
    { prop: 'level', label: 'committee.level', width: 110, formatter: (r) => t(enumKey('level', r.level)) },
    { prop: 'region', label: 'committee.region', minWidth: 120 },
    { prop: 'parent_id', label: 'committee.parent', minWidth: 160, formatter: (r) => every.find((c) => c.id === r.parent_id)?.name ?? '—' },
  ],
  filters: [{ prop: 'level', label: 'committee.level', enumKind: 'level' }],
  fields: [
    { prop: 'name', label: 'committee.name', widget: 'text', id: 'committee-name' },
    { prop: 'short_name', label: 'committee.shortName', widget: 'text', id: 'committee-short' },
    { prop: 'level', label: 'committee.level', widget: 'choice', enumKind: 'level' },
    { prop: 'region', label: 'committee.region', widget: 'text', id: 'committee-region' },
    { prop: 'parent_id', label: 'committee.parent', widget: 'select', options: 'committees', excludeSelf: true, clearable: true, placeholder: 'committee.noParent' },
  ],
  options: { committees: async () => (await allCommittees()).map((c) => ({ id: c.id, name: c.name })) },
  empty: () => ({ parent_id: null, name: '', short_name: '', level: 'district', region: '' }),
  fromRecord: ({ parent_id, name, short_name, level, region }) => ({ parent_id, name, short_name, level, region }),
  prepare: (i) => ({ ...i, parent_id: i.parent_id || null }),
})

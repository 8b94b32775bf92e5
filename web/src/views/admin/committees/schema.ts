// Committees (政协组织): list columns, form values and rules.
import type { FormRules } from 'element-plus'
import type { Committee, CommitteeInput } from '@/api/committees'
import type { Column } from '@/components/ListTable.vue'
import { requiredRule } from '@/composables/useEntityForm'
import { t } from '@/locales'
import { enumKey } from '@/utils/enums'

/** Columns; `parentName` resolves a parent id to its name. */
export function columns(parentName: (id: number | null) => string): Column<Committee>[] {
  return [
    { prop: 'name', label: 'committee.name', minWidth: 200 },
    { prop: 'short_name', label: 'committee.shortName', minWidth: 120 },
    { prop: 'level', label: 'committee.level', width: 110, formatter: (r) => t(enumKey('level', r.level)) },
    { prop: 'region', label: 'committee.region', minWidth: 120 },
    { prop: 'parent_id', label: 'committee.parent', minWidth: 160, formatter: (r) => parentName(r.parent_id) },
  ]
}

export const emptyCommittee = (): CommitteeInput => ({ parent_id: null, name: '', short_name: '', level: 'district', region: '' })
export const fromCommittee = ({ parent_id, name, short_name, level, region }: Committee): CommitteeInput => ({
  parent_id,
  name,
  short_name,
  level,
  region,
})

export const rules: FormRules = {
  name: [requiredRule('committee.name')],
  level: [requiredRule('committee.level', 'change')],
}

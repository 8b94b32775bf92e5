// Parties (党派): list columns, form values and rules.
import type { FormRules } from 'element-plus'
import type { Party, PartyInput } from '@/api/sectors'
import type { Column } from '@/components/ListTable.vue'
import { requiredRule } from '@/composables/useEntityForm'

export const columns: Column<Party>[] = [
  { prop: 'name', label: 'party.name', minWidth: 160 },
  { prop: 'short_name', label: 'party.shortName', minWidth: 120 },
  { prop: 'sort', label: 'common.sort', width: 90 },
]

export const emptyParty = (): PartyInput => ({ name: '', short_name: '', sort: 0 })
export const fromParty = ({ name, short_name, sort }: Party): PartyInput => ({ name, short_name, sort })

export const rules: FormRules = {
  name: [requiredRule('party.name')],
}

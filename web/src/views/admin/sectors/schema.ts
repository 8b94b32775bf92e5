// Sectors (界别): list columns, form values and rules.
import type { FormRules } from 'element-plus'
import type { Sector, SectorInput } from '@/api/sectors'
import type { Column } from '@/components/ListTable.vue'
import { requiredRule } from '@/composables/useEntityForm'

export const columns: Column<Sector>[] = [
  { prop: 'name', label: 'sector.name', minWidth: 160 },
  { prop: 'description', label: 'common.description', minWidth: 240 },
  { prop: 'sort', label: 'common.sort', width: 90 },
]

export const emptySector = (): SectorInput => ({ name: '', description: '', sort: 0 })
export const fromSector = ({ name, description, sort }: Sector): SectorInput => ({ name, description, sort })

export const rules: FormRules = {
  name: [requiredRule('sector.name')],
}

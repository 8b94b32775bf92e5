// Handling units (承办单位): columns, form values and rules.
import type { FormRules } from 'element-plus'
import type { Unit, UnitInput } from '@/api/units'
import type { Column } from '@/components/ListTable.vue'
import { requiredRule } from '@/composables/useEntityForm'
import { t } from '@/locales'
import { enumKey } from '@/utils/enums'

export const columns: Column<Unit>[] = [
  { prop: 'name', label: 'unit.name', minWidth: 200 },
  { prop: 'short_name', label: 'unit.shortName', minWidth: 100 },
  { prop: 'kind', label: 'unit.kind', width: 120, formatter: (r) => t(enumKey('unitKind', r.kind)) },
  { prop: 'leader_name', label: 'unit.leaderName', width: 100 },
  { prop: 'contact_name', label: 'unit.contactName', width: 100 },
  { prop: 'contact_phone', label: 'unit.contactPhone', width: 140 },
]

export const emptyUnit = (): UnitInput => ({
  name: '',
  short_name: '',
  kind: 'government',
  leader_name: '',
  contact_name: '',
  contact_phone: '',
  address: '',
  contacts: [],
  sort: 0,
})

export const fromUnit = (u: Unit): UnitInput => ({
  name: u.name,
  short_name: u.short_name,
  kind: u.kind,
  leader_name: u.leader_name,
  contact_name: u.contact_name,
  contact_phone: u.contact_phone,
  address: u.address,
  contacts: (u.contacts ?? []).map((c) => ({ ...c })),
  sort: u.sort,
})

/** Drops contact rows left entirely empty and trims the rest. */
export function prepareUnit(input: UnitInput): UnitInput {
  const contacts = input.contacts
    .map((c) => ({ name: c.name.trim(), title: c.title.trim(), phone: c.phone.trim() }))
    .filter((c) => c.name || c.title || c.phone)
  return { ...input, name: input.name.trim(), contacts }
}

export const rules: FormRules = {
  name: [requiredRule('unit.name')],
  kind: [requiredRule('unit.kind', 'change')],
}

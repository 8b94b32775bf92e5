// Handling units (承办单位) with their liaisons: the list's columns and kind filter, the form's
// fields (limits and kinds from the server's OpenAPI), and the import page.
import { markRaw } from 'vue'
import { crudEndpoints } from '@/api/crud'
import type { Unit, UnitInput } from '@/api/units'
import { t } from '@/locales'
import { UNIT_KINDS, enumKey } from '@/utils/enums'
import { defineResource } from '../resource/types'
import ContactsEditor from './ContactsEditor.vue'

export const unitResource = defineResource<Unit, UnitInput>({
  api: crudEndpoints<Unit, UnitInput>('/units'),
  title: 'menu.units',
  i18n: 'unit',
  columns: () => [
    { prop: 'name', label: 'unit.name', minWidth: 200 },
    { prop: 'short_name', label: 'unit.shortName', minWidth: 100 },
    { prop: 'kind', label: 'unit.kind', width: 120, formatter: (r) => t(enumKey('unitKind', r.kind)) },
    { prop: 'leader_name', label: 'unit.leaderName', width: 100 },
    { prop: 'contact_name', label: 'unit.contactName', width: 100 },
    { prop: 'contact_phone', label: 'unit.contactPhone', width: 140 },
  ],
  filters: [{ prop: 'kind', label: 'unit.kind', enumKind: 'unitKind', values: UNIT_KINDS }],
  fields: [
    { prop: 'name', label: 'unit.name', widget: 'text', id: 'unit-name' },
    { prop: 'short_name', label: 'unit.shortName', widget: 'text', id: 'unit-short' },
    { prop: 'kind', label: 'unit.kind', widget: 'choice', enumKind: 'unitKind', values: UNIT_KINDS, asSelect: true },
    { prop: 'leader_name', label: 'unit.leaderName', widget: 'text', id: 'unit-leader' },
    { prop: 'contact_name', label: 'unit.contactName', widget: 'text', id: 'unit-contact' },
    { prop: 'contact_phone', label: 'unit.contactPhone', widget: 'text', id: 'unit-phone' },
    { prop: 'address', label: 'unit.address', widget: 'text', id: 'unit-address' },
    { prop: 'contacts', label: 'unit.contacts', widget: 'component', component: markRaw(ContactsEditor) },
    { prop: 'sort', label: 'common.sort', widget: 'number', id: 'unit-sort', min: 0, max: 9999 },
  ],
  importRoute: 'admin-units-import',
  dialogWidth: '720px',
  empty: () => ({ name: '', short_name: '', kind: 'government', leader_name: '', contact_name: '', contact_phone: '', address: '', contacts: [], sort: 0 }),
  fromRecord: (u) => ({
    name: u.name,
    short_name: u.short_name,
    kind: u.kind,
    leader_name: u.leader_name,
    contact_name: u.contact_name,
    contact_phone: u.contact_phone,
    address: u.address,
    contacts: (u.contacts ?? []).map((c) => ({ ...c })),
    sort: u.sort,
  }),
  /** Drops contact rows left entirely empty and trims the rest. */
  prepare: (input) => ({
    ...input,
    contacts: input.contacts
      .map((c) => ({ name: c.name.trim(), title: c.title.trim(), phone: c.phone.trim() }))
      .filter((c) => c.name || c.title || c.phone),
  }),
})

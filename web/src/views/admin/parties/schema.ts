// Parties (党派): the list's columns and the form's fields (limits from the server's OpenAPI).
import { parties, type Party, type PartyInput } from '@/api/sectors'
import { defineResource } from '../resource/types'

export const partyResource = defineResource<Party, PartyInput>({
  api: parties,
  title: 'menu.parties',
  i18n: 'party',
  columns: () => [
    { prop: 'name', label: 'party.name', minWidth: 160 },
    { prop: 'short_name', label: 'party.shortName', minWidth: 120 },
    { prop: 'sort', label: 'common.sort', width: 90 },
  ],
  fields: [
    { prop: 'name', label: 'party.name', widget: 'text', id: 'party-name' },
    { prop: 'short_name', label: 'party.shortName', widget: 'text', id: 'party-short' },
    { prop: 'sort', label: 'common.sort', widget: 'number', id: 'party-sort', min: 0, max: 9999 },
  ],
  empty: () => ({ name: '', short_name: '', sort: 0 }),
  fromRecord: ({ name, short_name, sort }) => ({ name, short_name, sort }),
})

// Sectors (界别): the list's columns and the form's fields (limits from the server's OpenAPI).
import { sectors, type Sector, type SectorInput } from '@/api/sectors'
import { defineResource } from '../resource/types'

export const sectorResource = defineResource<Sector, SectorInput>({
  api: sectors,
  title: 'menu.sectors',
  i18n: 'sector',
  columns: () => [
    { prop: 'name', label: 'sector.name', minWidth: 160 },
    { prop: 'description', label: 'common.description', minWidth: 240 },
    { prop: 'sort', label: 'common.sort', width: 90 },
  ],
  fields: [
    { prop: 'name', label: 'sector.name', widget: 'text', id: 'sector-name' },
    { prop: 'description', label: 'common.description', widget: 'textarea', id: 'sector-description', rows: 3 },
    { prop: 'sort', label: 'common.sort', widget: 'number', id: 'sector-sort', min: 0, max: 9999 },
  ],
  empty: () => ({ name: '', description: '', sort: 0 }),
  fromRecord: ({ name, description, sort }) => ({ name, description, sort }),
})

// Organisation administration: for admin and proposal staff only.
import { markRaw, type Component } from 'vue'
import { Calendar, Clock, Collection, Document, Flag, OfficeBuilding, Operation, Place, Tickets, User, UserFilled, Setting } from '@element-plus/icons-vue'
import { ADMIN_ROLES } from '@/stores/auth'
import { calendarResource } from '@/views/admin/calendar/schema'
import { committeeResource } from '@/views/admin/committees/schema'
import { memberResource } from '@/views/admin/members/schema'
import { partyResource } from '@/views/admin/parties/schema'
import type { AnyResource } from '@/views/admin/resource/types'
import { sectorResource } from '@/views/admin/sectors/schema'
import { specialCommitteeResource } from '@/views/admin/special-committees/schema'
import { unitResource } from '@/views/admin/units/schema'
import { userResource } from '@/views/admin/users/schema'
import type { MenuSection } from '../menu'

const roles = ADMIN_ROLES
const section = 'menu.admin'

/** The list page of `admin/<name>`, built from the resource's schema.ts. */
function listRoute(name: string, schema: AnyResource, icon: Component) {
  return {
    path: `admin/${name}`,
    name: `admin-${name}`,
    component: () => import('@/views/admin/resource/ResourceList.vue'),
    props: { schema },
    meta: { sharedPage: true, title: schema.title, icon, roles, section },
  }
}

/** The spreadsheet import of `admin/<name>`, a hidden page under its list. */
function importRoute(name: 'units' | 'members', title: string) {
  return {
    path: `admin/${name}/import`,
    name: `admin-${name}-import`,
    component: () => import('@/views/admin/resource/ResourceImport.vue'),
    props: { module: name, title, backTo: `/admin/${name}` },
    meta: { sharedPage: true, title, roles, section, hidden: true, activeMenu: `/admin/${name}` },
  }
}

export const adminSection: MenuSection = {
  key: 'admin',
  title: section,
  icon: markRaw(Setting),
  roles,
  routes: [
    listRoute('committees', committeeResource, Place),
    {
      path: 'admin/terms',
      name: 'admin-terms',
      component: () => import('@/views/admin/terms/TermList.vue'),
      meta: { title: 'menu.terms', icon: Calendar, roles, section },
    },
    listRoute('sectors', sectorResource, Collection),
    listRoute('parties', partyResource, Flag),
    listRoute('special-committees', specialCommitteeResource, Tickets),
    listRoute('units', unitResource, OfficeBuilding),
    importRoute('units', 'menu.unitsImport'),
    listRoute('members', memberResource, UserFilled),
    importRoute('members', 'menu.membersImport'),
    listRoute('users', userResource, User),
    listRoute('calendar', calendarResource, Clock),
    {
      path: 'admin/proposal-settings',
      name: 'admin-proposal-settings',
      component: () => import('@/views/proposals/ProposalSettings.vue'),
      meta: { title: 'menu.proposalSettings', icon: Operation, roles, section },
    },
    {
      path: 'admin/audit',
      name: 'admin-audit',
      component: () => import('@/views/admin/audit/AuditList.vue'),
      meta: { title: 'menu.audit', icon: Document, roles: ['admin'], section },
    },
  ],
}

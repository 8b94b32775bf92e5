// Organisation administration: for admin and proposal staff only.
import { markRaw } from 'vue'
import { Calendar, Clock, Collection, Document, Flag, OfficeBuilding, Operation, Place, Tickets, User, UserFilled, Setting } from '@element-plus/icons-vue'
import { ADMIN_ROLES } from '@/stores/auth'
import { committeeResource } from '@/views/admin/committees/schema'
import { partyResource } from '@/views/admin/parties/schema'
import { sectorResource } from '@/views/admin/sectors/schema'
import { specialCommitteeResource } from '@/views/admin/special-committees/schema'
import type { MenuSection } from '../menu'

const roles = ADMIN_ROLES
/** The list page built from a resource's schema.ts. */
const resourceList = () => import('@/views/admin/resource/ResourceList.vue')
const section = 'menu.admin'

export const adminSection: MenuSection = {
  key: 'admin',
  title: section,
  icon: markRaw(Setting),
  roles,
  routes: [
    {
      path: 'admin/committees',
      name: 'admin-committees',
      component: resourceList,
      props: { schema: committeeResource },
      meta: { sharedPage: true, title: 'menu.committees', icon: Place, roles, section },
    },
    {
      path: 'admin/terms',
      name: 'admin-terms',
      component: () => import('@/views/admin/terms/TermList.vue'),
      meta: { title: 'menu.terms', icon: Calendar, roles, section },
    },
    {
      path: 'admin/sectors',
      name: 'admin-sectors',
      component: resourceList,
      props: { schema: sectorResource },
      meta: { sharedPage: true, title: 'menu.sectors', icon: Collection, roles, section },
    },
    {
      path: 'admin/parties',
      name: 'admin-parties',
      component: resourceList,
      props: { schema: partyResource },
      meta: { sharedPage: true, title: 'menu.parties', icon: Flag, roles, section },
    },
    {
      path: 'admin/special-committees',
      name: 'admin-special-committees',
      component: resourceList,
      props: { schema: specialCommitteeResource },
      meta: { sharedPage: true, title: 'menu.specialCommittees', icon: Tickets, roles, section },
    },
    {
      path: 'admin/units',
      name: 'admin-units',
      component: () => import('@/views/admin/units/UnitList.vue'),
      meta: { title: 'menu.units', icon: OfficeBuilding, roles, section },
    },
    {
      path: 'admin/units/import',
      name: 'admin-units-import',
      component: () => import('@/views/admin/units/UnitImport.vue'),
      meta: { title: 'menu.unitsImport', roles, section, hidden: true, activeMenu: '/admin/units' },
    },
    {
      path: 'admin/members',
      name: 'admin-members',
      component: () => import('@/views/admin/members/MemberList.vue'),
      meta: { title: 'menu.members', icon: UserFilled, roles, section },
    },
    {
      path: 'admin/members/import',
      name: 'admin-members-import',
      component: () => import('@/views/admin/members/MemberImport.vue'),
      meta: { title: 'menu.membersImport', roles, section, hidden: true, activeMenu: '/admin/members' },
    },
    {
      path: 'admin/users',
      name: 'admin-users',
      component: () => import('@/views/admin/users/UserList.vue'),
      meta: { title: 'menu.users', icon: User, roles, section },
    },
    {
      path: 'admin/calendar',
      name: 'admin-calendar',
      component: () => import('@/views/admin/calendar/CalendarList.vue'),
      meta: { title: 'menu.calendar', icon: Clock, roles, section },
    },
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

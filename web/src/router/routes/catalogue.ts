// 提案撰写参考目录: the published catalogue for members, group contacts and leaders (claims
// by parties and sectors), and its management for proposal staff.
import { markRaw } from 'vue'
import { Collection, Notebook, Setting } from '@element-plus/icons-vue'
import type { RoleName } from '@/api/auth'
import type { MenuSection } from '../menu'

const section = 'menu.catalogue'
const READERS: readonly RoleName[] = ['member', 'group_contact', 'committee_staff', 'leader', 'supervisor', 'admin', 'proposal_staff']
const EDITORS: readonly RoleName[] = ['admin', 'proposal_staff']

export const catalogueSection: MenuSection = {
  key: 'catalogue',
  title: section,
  icon: markRaw(Notebook),
  roles: READERS,
  routes: [
    {
      path: 'catalogue',
      name: 'catalogue',
      component: () => import('@/views/catalogue/CatalogueBrowse.vue'),
      meta: { title: 'menu.catalogueBrowse', icon: Collection, roles: READERS, section },
    },
    {
      path: 'catalogue/manage',
      name: 'catalogue-manage',
      component: () => import('@/views/catalogue/CatalogueManage.vue'),
      meta: { title: 'menu.catalogueManage', icon: Setting, roles: EDITORS, section },
    },
  ],
}

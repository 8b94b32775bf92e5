// 提案: the member's proposals and editor, co-signature requests, the staff and unit
// workbenches, key proposals, the search, and the proposal page every role opens.
import { markRaw } from 'vue'
import { Briefcase, Checked, DocumentCopy, EditPen, Memo, Search, Star, Upload } from '@element-plus/icons-vue'
import type { MenuSection } from '../menu'
import { KEY_ROLES, PROPOSER_ROLES, SEARCH_ROLES, STAFF_ROLES, UNIT_ROLES } from '@/views/proposals/schema'

const section = 'menu.proposals'

export const proposalSection: MenuSection = {
  key: 'proposals',
  title: section,
  icon: markRaw(Memo),
  routes: [
    {
      path: 'proposals/mine',
      name: 'proposals-mine',
      component: () => import('@/views/proposals/MyProposals.vue'),
      meta: { title: 'menu.myProposals', icon: DocumentCopy, roles: PROPOSER_ROLES, section },
    },
    {
      path: 'proposals/new',
      name: 'proposal-new',
      component: () => import('@/views/proposals/ProposalEditor.vue'),
      meta: { title: 'proposal.newTitle', roles: PROPOSER_ROLES, section, hidden: true, activeMenu: '/proposals/mine' },
    },
    {
      path: 'proposals/:id(\\d+)/edit',
      name: 'proposal-edit',
      component: () => import('@/views/proposals/ProposalEditor.vue'),
      meta: { title: 'proposal.editTitle', roles: PROPOSER_ROLES, section, hidden: true, activeMenu: '/proposals/mine' },
    },
    {
      path: 'proposals/cosign',
      name: 'proposals-cosign',
      component: () => import('@/views/proposals/CosignRequests.vue'),
      meta: { title: 'menu.cosignRequests', icon: EditPen, roles: ['member'], section },
    },
    {
      path: 'proposals/workbench',
      name: 'proposals-workbench',
      component: () => import('@/views/proposals/StaffWorkbench.vue'),
      meta: { title: 'menu.workbench', icon: Checked, roles: STAFF_ROLES, section },
    },
    {
      path: 'proposals/unit',
      name: 'proposals-unit',
      component: () => import('@/views/proposals/UnitWorkbench.vue'),
      meta: { title: 'menu.unitWorkbench', icon: Briefcase, roles: UNIT_ROLES, section },
    },
    {
      path: 'proposals/key',
      name: 'proposals-key',
      component: () => import('@/views/proposals/KeyProposals.vue'),
      meta: { title: 'menu.keyProposals', icon: Star, roles: KEY_ROLES, section },
    },
    {
      path: 'proposals/search',
      name: 'proposals-search',
      component: () => import('@/views/proposals/ProposalSearch.vue'),
      meta: { title: 'menu.proposalSearch', icon: Search, roles: SEARCH_ROLES, section },
    },
    {
      path: 'proposals/history-import',
      name: 'proposals-history-import',
      component: () => import('@/views/proposals/HistoryImport.vue'),
      meta: { title: 'menu.historyImport', icon: Upload, roles: STAFF_ROLES, section },
    },
    {
      path: 'proposals/:id(\\d+)',
      name: 'proposal-detail',
      component: () => import('@/views/proposals/ProposalDetail.vue'),
      meta: { title: 'proposal.detailTitle', section, hidden: true },
    },
  ],
}

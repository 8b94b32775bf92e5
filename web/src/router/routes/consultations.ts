// 协商: the year's consultation plan (every role; members, units and contacts see published plans
// only), the topics that concern me (leaders, special committee staff, units, contacts), and the
// topic page every role opens; 成果转化, the follow-through items (a unit's own, or all).
import { markRaw } from 'vue'
import { ChatDotRound, Finished, List, Tickets } from '@element-plus/icons-vue'
import type { RoleName } from '@/api/auth'
import type { MenuSection } from '../menu'

const section = 'consultations.menu.section'
const READERS: readonly RoleName[] = ['admin', 'proposal_staff', 'committee_staff', 'leader', 'supervisor', 'member', 'unit_staff', 'unit_leader', 'group_contact']
const CONCERNED: readonly RoleName[] = ['committee_staff', 'unit_staff', 'unit_leader', 'group_contact', 'leader']
/** 成果转化: units see their own items; the office, leaders, supervisors and committee staff all. */
const FOLLOWERS: readonly RoleName[] = ['admin', 'proposal_staff', 'committee_staff', 'leader', 'supervisor', 'unit_staff', 'unit_leader']

export const consultationSection: MenuSection = {
  key: 'consultations',
  title: section,
  icon: markRaw(ChatDotRound),
  roles: READERS,
  routes: [
    {
      path: 'consultations/plans',
      name: 'consultation-plans',
      component: () => import('@/views/consultations/PlanView.vue'),
      meta: { title: 'consultations.menu.plan', icon: Tickets, roles: READERS, section },
    },
    {
      path: 'consultations/plans/:id(\\d+)',
      name: 'consultation-plan',
      component: () => import('@/views/consultations/PlanView.vue'),
      meta: { title: 'consultations.menu.planDetail', roles: READERS, section, hidden: true, activeMenu: '/consultations/plans' },
    },
    {
      path: 'consultations/topics/mine',
      name: 'consultation-topics-mine',
      component: () => import('@/views/consultations/MyTopics.vue'),
      meta: { title: 'consultations.menu.mine', icon: List, roles: CONCERNED, section },
    },
    {
      path: 'consultations/follow-items',
      name: 'consultation-follow-items',
      component: () => import('@/views/consultations/FollowItemsView.vue'),
      meta: { title: 'consultations.menu.follow', icon: Finished, roles: FOLLOWERS, section },
    },
    {
      path: 'consultations/topics/:id(\\d+)',
      name: 'consultation-topic',
      component: () => import('@/views/consultations/TopicDetail.vue'),
      meta: { title: 'consultations.menu.topic', roles: READERS, section, hidden: true },
    },
  ],
}

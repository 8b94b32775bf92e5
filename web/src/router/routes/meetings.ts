// 会议活动: the member's 我的活动 and the committee's activity calendar (phone first), the
// meetings' management with the live sign-in board for organisers, and the page the sign-in QR
// code opens (a visitor logs in first and comes back to it).
import { markRaw } from 'vue'
import { Calendar, Management, Tickets, VideoCamera } from '@element-plus/icons-vue'
import type { RoleName } from '@/api/auth'
import type { MenuSection } from '../menu'

const section = 'meetings.menu.section'
const CALENDAR: readonly RoleName[] = ['member', 'group_contact', 'committee_staff', 'leader', 'supervisor', 'admin', 'proposal_staff']
const INVITED: readonly RoleName[] = ['member', 'group_contact', 'committee_staff', 'unit_staff', 'unit_leader', 'leader', 'supervisor', 'proposal_staff']
const MANAGERS: readonly RoleName[] = ['admin', 'proposal_staff', 'committee_staff', 'leader', 'supervisor']

export const meetingSection: MenuSection = {
  key: 'meetings',
  title: section,
  icon: markRaw(VideoCamera),
  routes: [
    {
      path: 'meetings/mine',
      name: 'meetings-mine',
      component: () => import('@/views/meetings/MyMeetings.vue'),
      meta: { title: 'meetings.menu.mine', icon: Tickets, roles: INVITED, section },
    },
    {
      path: 'meetings/calendar',
      name: 'meetings-calendar',
      component: () => import('@/views/meetings/MeetingCalendar.vue'),
      meta: { title: 'meetings.menu.calendar', icon: Calendar, roles: CALENDAR, section },
    },
    {
      path: 'meetings',
      name: 'meetings-manage',
      component: () => import('@/views/meetings/MeetingManage.vue'),
      meta: { title: 'meetings.menu.manage', icon: Management, roles: MANAGERS, section },
    },
    {
      path: 'meetings/:id(\\d+)',
      name: 'meeting-detail',
      component: () => import('@/views/meetings/MeetingDetail.vue'),
      meta: { title: 'meetings.menu.section', hidden: true, section },
    },
    {
      path: 'meetings/:id(\\d+)/sign-in',
      name: 'meeting-sign-in',
      component: () => import('@/views/meetings/MeetingSignIn.vue'),
      meta: { title: 'meetings.signIn.title', hidden: true, section },
    },
    {
      path: 'meetings/:id(\\d+)/board',
      name: 'meeting-board',
      component: () => import('@/views/meetings/MeetingBoard.vue'),
      meta: { title: 'meetings.board.title', hidden: true, roles: MANAGERS, section },
    },
  ],
}

// 消息通知: every logged-in user's notices (the header bell leads here).
import { Bell } from '@element-plus/icons-vue'
import type { MenuSection } from '../menu'

export const notificationSection: MenuSection = {
  key: 'notifications',
  routes: [
    {
      path: 'notifications',
      name: 'notifications',
      component: () => import('@/views/notifications/NotificationList.vue'),
      meta: { title: 'menu.notifications', icon: Bell },
    },
  ],
}

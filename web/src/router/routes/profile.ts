// 我的信息: own member record, mobile and password.
import { Avatar } from '@element-plus/icons-vue'
import type { MenuSection } from '../menu'

export const profileSection: MenuSection = {
  key: 'profile',
  routes: [
    {
      path: 'profile',
      name: 'profile',
      component: () => import('@/views/profile/ProfileView.vue'),
      meta: { title: 'menu.profile', icon: Avatar },
    },
  ],
}

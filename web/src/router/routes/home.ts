// The workspace home: who I am, in which committee, with which roles.
import { HomeFilled } from '@element-plus/icons-vue'
import type { MenuSection } from '../menu'

export const homeSection: MenuSection = {
  key: 'home',
  routes: [
    {
      path: '',
      name: 'home',
      component: () => import('@/views/home/HomeView.vue'),
      meta: { title: 'menu.home', icon: HomeFilled },
    },
  ],
}

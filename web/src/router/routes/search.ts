// 全文搜索: the results page the header's search box leads to (every logged-in user; not in the menu).
import { Search } from '@element-plus/icons-vue'
import type { MenuSection } from '../menu'

export const searchSection: MenuSection = {
  key: 'search',
  routes: [
    {
      path: 'search',
      name: 'search',
      component: () => import('@/views/search/SearchView.vue'),
      meta: { title: 'search.title', icon: Search, hidden: true },
    },
  ],
}

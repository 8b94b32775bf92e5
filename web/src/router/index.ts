// The router: public pages, the workspace with its sections, and the guard that enforces
// logging in, the forced password change and roles.
import { createRouter, createWebHistory, type RouteLocationNormalized, type RouteRecordRaw } from 'vue-router'
import './meta'
import { useAuthStore } from '@/stores/auth'
import { authRoutes } from './routes/auth'
import { homeSection } from './routes/home'
import { adminSection } from './routes/admin'
import { profileSection } from './routes/profile'
import { proposalSection } from './routes/proposals'
import { catalogueSection } from './routes/catalogue'
import { meetingSection } from './routes/meetings'
import { consultationSection } from './routes/consultations'
import { notificationSection } from './routes/notifications'
import { searchSection } from './routes/search'
import type { MenuSection } from './menu'

/** The workspace sections, in menu order. */
export const menuSections: MenuSection[] = [homeSection, proposalSection, catalogueSection, consultationSection, meetingSection, adminSection, notificationSection, profileSection, searchSection]

const routes: RouteRecordRaw[] = [
  ...authRoutes,
  {
    path: '/',
    component: () => import('@/layouts/WorkspaceLayout.vue'),
    children: menuSections.flatMap((s) => s.routes),
  },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('@/views/NotFoundView.vue'), meta: { title: 'common.notFound', public: true } },
]

export type GuardAnswer = true | { name: string; query?: Record<string, string> }

/** Decides where a navigation goes, given the session (exported for tests). */
export function decide(to: RouteLocationNormalized, auth: ReturnType<typeof useAuthStore>): GuardAnswer {
  if (!auth.loggedIn) {
    if (to.meta.public) return true
    return { name: 'login', query: to.fullPath !== '/' ? { redirect: to.fullPath } : {} }
  }
  if (auth.mustChangePassword) return to.name === 'password-change' ? true : { name: 'password-change' }
  if (to.name === 'login' || to.name === 'password-change') return { name: 'home' }
  if (to.matched.some((r) => !auth.hasAnyRole(r.meta.roles))) return { name: 'home' }
  return true
}

export function createAppRouter() {
  const router = createRouter({ history: createWebHistory(), routes })
  router.beforeEach(async (to) => {
    const auth = useAuthStore()
    if (!auth.loaded) {
      try {
        await auth.fetchMe()
      } catch {
        // network trouble: treat as logged out; the login page shows the error on the next try
      }
    }
    return decide(to, auth)
  })
  return router
}

// Pages outside the workspace: log in, forced password change.
import type { RouteRecordRaw } from 'vue-router'

export const authRoutes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('@/views/auth/LoginView.vue'),
    meta: { title: 'auth.loginTitle', public: true },
  },
  {
    path: '/password/change',
    name: 'password-change',
    component: () => import('@/views/auth/ForcePasswordView.vue'),
    meta: { title: 'auth.forceTitle' },
  },
]

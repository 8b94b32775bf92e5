// Boots the app: Pinia, i18n, the router, the request client's UI hooks, the v-role directive.
import { createApp } from 'vue'
import { createPinia } from 'pinia'
import { ElMessage, vLoading } from 'element-plus'
import 'element-plus/es/components/message/style/css'
import 'element-plus/es/components/message-box/style/css'
import 'element-plus/es/components/loading/style/css'
import App from './App.vue'
import { createAppRouter } from './router'
import { i18n, t } from './locales'
import { configureClient, type FallbackKind } from './api/client'
import { useAuthStore } from './stores/auth'
import { useNotificationStore } from './stores/notifications'
import { useProposalRefs } from './stores/proposalRefs'
import { vRole } from './directives/role'
import './styles/main.css'

/** The common.* message of each generic failure. */
const FALLBACK_KEYS: Record<FallbackKind, string> = { network: 'networkError', server: 'serverError', tooLarge: 'tooLarge', rateLimited: 'rateLimited' }

const app = createApp(App)
const pinia = createPinia()
app.use(pinia)
app.use(i18n)
const router = createAppRouter()


configureClient({
  csrfToken: () => useAuthStore(pinia).csrfToken,
  notifyError: (message) => {
    ElMessage({ type: 'error', message, grouping: true, showClose: true })
  },
  onUnauthorized: () => {
    const auth = useAuthStore(pinia)
    const wasLoggedIn = auth.loggedIn
    auth.clear()
    useNotificationStore(pinia).reset()
    useProposalRefs(pinia).forget()
    const current = router.currentRoute.value
    if (!current.meta.public) {
      if (wasLoggedIn) ElMessage({ type: 'warning', message: t('auth.sessionExpired'), grouping: true })
      router.replace({ name: 'login', query: { redirect: current.fullPath } })
    }
  },
  onPasswordChangeRequired: () => {
    const auth = useAuthStore(pinia)
    if (auth.user) auth.user.must_change_password = true
    router.replace({ name: 'password-change' })
  },
  fallbackMessage: (kind) => t(`common.${FALLBACK_KEYS[kind]}`),
})

app.use(router)
app.directive('loading', vLoading)
app.directive('role', vRole)
app.mount('#app')

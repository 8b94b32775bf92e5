// The session: who is logged in, in which committee, with which roles, and the CSRF token.
import { defineStore } from 'pinia'
import * as authApi from '@/api/auth'
import type { RoleName, SessionAnswer, SessionUser } from '@/api/auth'
import { ApiError } from '@/api/client'
import type { Id } from '@/api/types'

/** Roles that see the administration menus. */
export const ADMIN_ROLES: readonly RoleName[] = ['admin', 'proposal_staff']

interface AuthState {
  user: SessionUser | null
  csrfToken: string | null
  /** True once /auth/me has answered (logged in or not). */
  loaded: boolean
}

export const useAuthStore = defineStore('auth', {
  state: (): AuthState => ({ user: null, csrfToken: null, loaded: false }),
  getters: {
    loggedIn: (s) => s.user !== null,
    roles: (s): RoleName[] => s.user?.roles ?? [],
    mustChangePassword: (s) => s.user?.must_change_password === true,
    currentCommittee: (s) => s.user?.committees.find((c) => c.id === s.user?.committee_id) ?? null,
    canAdminister(): boolean {
      return this.roles.some((r) => ADMIN_ROLES.includes(r))
    },
  },
  actions: {
    /** True when the user holds any of `roles` in the current committee (an empty list allows all). */
    hasAnyRole(roles: readonly RoleName[] | undefined): boolean {
      if (!roles || roles.length === 0) return true
      return this.roles.some((r) => roles.includes(r))
    },
    /** Keeps the session answer of login, me or committee switch. */
    accept(answer: SessionAnswer) {
      this.user = answer.user
      this.csrfToken = answer.csrf_token
      this.loaded = true
    },
    /** Forgets the session locally (after logout or a 401). */
    clear() {
      this.user = null
      this.csrfToken = null
      this.loaded = true
    },
    /** Loads the session from /auth/me; a 401 means nobody is logged in. */
    async fetchMe(): Promise<SessionUser | null> {
      try {
        this.accept(await authApi.fetchMe())
      } catch (err) {
        if (err instanceof ApiError && (err.status === 401 || err.status === 403)) this.clear()
        else {
          this.loaded = true
          throw err
        }
      }
      return this.user
    },
    async login(input: authApi.LoginInput) {
      this.accept(await authApi.login(input))
      return this.user as SessionUser
    },
    async smsLogin(phone: string, code: string) {
      this.accept(await authApi.smsLogin(phone, code))
      return this.user as SessionUser
    },
    async logout() {
      try {
        await authApi.logout()
      } finally {
        this.clear()
      }
    },
    async switchCommittee(committeeId: Id) {
      this.accept(await authApi.switchCommittee(committeeId))
    },
    /** Changes the password; the server clears must_change_password, so the session is reloaded. */
    async changePassword(oldPassword: string, newPassword: string) {
      await authApi.changePassword(oldPassword, newPassword)
      if (this.user) this.user = { ...this.user, must_change_password: false }
      try {
        await this.fetchMe()
      } catch {
        // the change itself succeeded; a failed reload keeps the local state
      }
    },
  },
})

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { configureClient } from '@/api/client'
import type { SessionUser } from '@/api/auth'
import { useAuthStore } from './auth'

const member: SessionUser = {
  id: 7,
  name: '王敏',
  username: null,
  mobile: '13900000001',
  must_change_password: true,
  committee_id: 2,
  roles: ['member'],
  committees: [
    { id: 2, name: '汉江区政协', roles: ['member'] },
    { id: 1, name: '市政协', roles: ['admin'] },
  ],
}

function answer(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

describe('auth store', () => {
  const fetchMock = vi.fn()
  beforeEach(() => {
    setActivePinia(createPinia())
    vi.stubGlobal('fetch', fetchMock)
    configureClient({ csrfToken: () => useAuthStore().csrfToken, notifyError: () => {}, onUnauthorized: () => {} })
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    fetchMock.mockReset()
  })

  it('treats a 401 from /auth/me as logged out', async () => {
    fetchMock.mockResolvedValue(answer(401, { error: { code: 'unauthorized', message: 'x' } }))
    const auth = useAuthStore()
    expect(await auth.fetchMe()).toBeNull()
    expect(auth.loaded).toBe(true)
    expect(auth.loggedIn).toBe(false)
  })

  it('keeps user, roles, committee and token after logging in', async () => {
    fetchMock.mockResolvedValue(answer(200, { user: member, csrf_token: 'csrf-9' }))
    const auth = useAuthStore()
    await auth.login({ login: '13900000001', password: 'Member12345' })
    expect(auth.loggedIn).toBe(true)
    expect(auth.csrfToken).toBe('csrf-9')
    expect(auth.roles).toEqual(['member'])
    expect(auth.currentCommittee?.name).toBe('汉江区政协')
    expect(auth.mustChangePassword).toBe(true)
    expect(auth.canAdminister).toBe(false)
    expect(auth.hasAnyRole(['admin', 'proposal_staff'])).toBe(false)
    expect(auth.hasAnyRole(['member'])).toBe(true)
    expect(auth.hasAnyRole(undefined)).toBe(true)
  })

  it('sends the token it holds and clears the must-change flag after a password change', async () => {
    const auth = useAuthStore()
    auth.accept({ user: member, csrf_token: 'csrf-1' })
    fetchMock
      .mockResolvedValueOnce(new Response(null, { status: 204 }))
      .mockResolvedValueOnce(answer(200, { user: { ...member, must_change_password: false }, csrf_token: 'csrf-2' }))
    await auth.changePassword('Old12345', 'New12345a')
    expect(fetchMock.mock.calls[0][1].headers['X-CSRF-Token']).toBe('csrf-1')
    expect(JSON.parse(fetchMock.mock.calls[0][1].body)).toEqual({ old_password: 'Old12345', new_password: 'New12345a' })
    expect(auth.mustChangePassword).toBe(false)
    expect(auth.csrfToken).toBe('csrf-2')
  })

  it('takes the new roles when switching committee', async () => {
    const auth = useAuthStore()
    auth.accept({ user: member, csrf_token: 'a' })
    fetchMock.mockResolvedValue(answer(200, { user: { ...member, committee_id: 1, roles: ['admin'] }, csrf_token: 'b' }))
    await auth.switchCommittee(1)
    expect(JSON.parse(fetchMock.mock.calls[0][1].body)).toEqual({ committee_id: 1 })
    expect(auth.currentCommittee?.name).toBe('市政协')
    expect(auth.canAdminister).toBe(true)
  })

  it('forgets the session on logout even when the server fails', async () => {
    const auth = useAuthStore()
    auth.accept({ user: member, csrf_token: 'a' })
    fetchMock.mockRejectedValue(new TypeError('down'))
    await auth.logout().catch(() => null)
    expect(auth.loggedIn).toBe(false)
    expect(auth.csrfToken).toBeNull()
  })
})

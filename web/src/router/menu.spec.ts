import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter, type RouteLocationNormalized } from 'vue-router'
import type { RoleName, SessionUser } from '@/api/auth'
import { useAuthStore } from '@/stores/auth'
import { buildMenu, type MenuItem } from './menu'
import { decide, menuSections } from './index'

function paths(items: MenuItem[]): string[] {
  return items.flatMap((i) => (i.children ? paths(i.children) : [i.path ?? '']))
}

function userWith(roles: RoleName[], mustChange = false): SessionUser {
  return { id: 1, name: 'x', username: 'x', mobile: null, must_change_password: mustChange, committee_id: 1, roles, committees: [{ id: 1, name: 'c', roles }] }
}

describe('side menu', () => {
  it('never shows administration to a member', () => {
    const items = buildMenu(menuSections, ['member'])
    expect(items.some((i) => i.key === 'admin')).toBe(false)
    expect(paths(items)).toEqual(['/', '/proposals/mine', '/proposals/cosign', '/catalogue', '/consultations/plans', '/meetings/mine', '/meetings/calendar', '/notifications', '/profile'])
  })

  it('gives each role its proposal pages and never a hidden sub-page', () => {
    const staff = paths(buildMenu(menuSections, ['proposal_staff']))
    expect(staff).toEqual(expect.arrayContaining(['/proposals/workbench', '/proposals/key', '/proposals/search', '/admin/calendar']))
    expect(staff).not.toContain('/proposals/mine')
    const unit = paths(buildMenu(menuSections, ['unit_leader']))
    expect(unit).toContain('/proposals/unit')
    expect(unit).not.toContain('/proposals/workbench')
    expect(unit).not.toContain('/proposals/search')
    const leader = paths(buildMenu(menuSections, ['leader']))
    expect(leader).toEqual(expect.arrayContaining(['/proposals/key', '/proposals/search']))
    expect(leader).not.toContain('/admin/calendar')
    const all = paths(buildMenu(menuSections, ['admin', 'member', 'unit_staff', 'leader']))
    expect(all.filter((p) => /new|edit|\/\d|:id/.test(p))).toEqual([])
  })

  it('lets group contacts and committee staff write proposals', () => {
    expect(paths(buildMenu(menuSections, ['group_contact']))).toContain('/proposals/mine')
    expect(paths(buildMenu(menuSections, ['committee_staff']))).toEqual(expect.arrayContaining(['/proposals/mine', '/proposals/search']))
  })

  it('shows administration with the audit log to admins', () => {
    const got = paths(buildMenu(menuSections, ['admin']))
    expect(got).toContain('/admin/members')
    expect(got).toContain('/admin/users')
    expect(got).toContain('/admin/audit')
    expect(got).not.toContain('/admin/members/import')
  })

  it('shows administration without the audit log to proposal staff', () => {
    const got = paths(buildMenu(menuSections, ['proposal_staff', 'member']))
    expect(got).toContain('/admin/units')
    expect(got).not.toContain('/admin/audit')
  })
})

describe('navigation guard', () => {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/login', name: 'login', component: {}, meta: { public: true } },
      { path: '/password/change', name: 'password-change', component: {} },
      { path: '/', name: 'home', component: {} },
      { path: '/admin/members', name: 'admin-members', component: {}, meta: { roles: ['admin', 'proposal_staff'] } },
    ],
  })
  const at = (path: string) => router.resolve(path) as unknown as RouteLocationNormalized
  beforeEach(() => setActivePinia(createPinia()))

  it('sends strangers to log in, keeping where they were going', () => {
    const auth = useAuthStore()
    auth.clear()
    expect(decide(at('/admin/members'), auth)).toEqual({ name: 'login', query: { redirect: '/admin/members' } })
    expect(decide(at('/login'), auth)).toBe(true)
  })

  it('holds a user who must change the password on the change page', () => {
    const auth = useAuthStore()
    auth.accept({ user: userWith(['member'], true), csrf_token: 't' })
    expect(decide(at('/'), auth)).toEqual({ name: 'password-change' })
    expect(decide(at('/password/change'), auth)).toBe(true)
  })

  it('keeps members out of administration and lets admins in', () => {
    const auth = useAuthStore()
    auth.accept({ user: userWith(['member']), csrf_token: 't' })
    expect(decide(at('/admin/members'), auth)).toEqual({ name: 'home' })
    auth.accept({ user: userWith(['admin']), csrf_token: 't' })
    expect(decide(at('/admin/members'), auth)).toBe(true)
    expect(decide(at('/login'), auth)).toEqual({ name: 'home' })
  })
})

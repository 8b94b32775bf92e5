// The admin pages built on ResourceList/ResourceForm (units, members, users, terms, sessions,
// calendar): what their schemas send and show.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { configureClient } from '@/api/client'
import { calendarResource, calendarState } from '../calendar/schema'
import { memberResource } from '../members/schema'
import { sessionResource, termResource } from '../terms/schema'
import { unitResource } from '../units/schema'
import { userResource } from '../users/schema'

describe('admin schemas', () => {
  it('drop empty liaison rows of a unit and trim the rest', () => {
    const input = { ...unitResource.empty(), name: '区发改局', contacts: [{ name: ' 王伟 ', title: '', phone: ' 027 ' }, { name: ' ', title: '', phone: '' }] }
    expect(unitResource.prepare?.(input)).toMatchObject({ contacts: [{ name: '王伟', title: '', phone: '027' }] })
  })

  it('send a user without an empty password, and empty logins as null', () => {
    const out = userResource.prepare?.({ ...userResource.empty(), name: '张三', username: ' ', mobile: '13800000000', password: '' })
    expect(out).toEqual({ name: '张三', username: null, mobile: '13800000000', status: 'active', must_change_password: true })
  })

  it('lock the mobile of a linked member and of an existing account only', () => {
    const mobile = memberResource.fields.find((f) => f.prop === 'mobile')!
    expect(mobile.disabled?.(null)).toBe(false)
    expect(mobile.disabled?.({ id: 1, name: '张三', user_id: 5 } as never)).toBe(true)
    expect(mobile.disabled?.({ id: 1, name: '张三', user_id: null } as never)).toBe(false)
    const login = userResource.fields.find((f) => f.prop === 'mobile')!
    expect(login.disabled?.(null)).toBe(false)
    expect(login.hint?.when({ id: 1, name: 'x' })).toBe(true)
  })

  it('show a member’s account as a tag the tests can read', () => {
    const tag = memberResource.tags?.account({ id: 1, name: '张三', account: 'pending_consent' } as never)
    expect(tag).toEqual({ type: 'warning', label: '待本人确认', attrs: { 'data-account': 'pending_consent' } })
  })

  it('check that a term ends after it starts', async () => {
    const form = { ...termResource.empty(), start_date: '2026-01-02', end_date: '2026-01-01' }
    const rules = termResource.rules?.(
      () => form,
      () => null,
    )
    const order = rules?.end_date[1]
    const result = await new Promise<unknown>((resolve) => (order as { validator: (r: unknown, v: unknown, cb: (e?: Error) => void) => void }).validator({}, '', resolve))
    expect(result).toBeInstanceOf(Error)
    expect(sessionResource.fields.map((f) => f.prop)).toEqual(['term_id', 'number', 'name', 'start_date', 'end_date', 'is_current'])
  })

  describe('the calendar', () => {
    const fetchMock = vi.fn()
    beforeEach(() => {
      configureClient({ notifyError: vi.fn() })
      vi.stubGlobal('fetch', fetchMock)
    })
    afterEach(() => {
      vi.unstubAllGlobals()
      fetchMock.mockReset()
    })

    it('lists one year a page at a time, counts its days and deletes by date', async () => {
      const items = [
        { day: '2026-10-01', kind: 'holiday', name: '国庆节' },
        { day: '2026-10-02', kind: 'holiday', name: '国庆节' },
        { day: '2026-10-10', kind: 'workday', name: '国庆节调休上班' },
        { day: '2027-10-01', kind: 'holiday', name: '国庆节' },
      ]
      fetchMock.mockImplementation(async () => new Response(JSON.stringify({ items, total: items.length, page: 1, page_size: items.length }), { status: 200 }))
      const page = await calendarResource.api.list({ year: 2026, page: 1, page_size: 2 })
      expect(page.total).toBe(3)
      expect(page.items.map((r) => r.id)).toEqual([20261001, 20261002])
      expect(calendarState).toMatchObject({ holidays: 2, workdays: 1 })
      expect(calendarState.years).toEqual(expect.arrayContaining([2027, 2026]))
      expect(calendarResource.summary?.()).toBe('节假日 2 天，调休上班 1 天')
      fetchMock.mockImplementation(async () => new Response(null, { status: 204 }))
      await calendarResource.api.remove(20261010)
      expect(String(fetchMock.mock.calls.at(-1)?.[0])).toMatch(/\/calendar-days\/2026-10-10$/)
    })
  })
})

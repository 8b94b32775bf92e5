import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { configureClient } from '@/api/client'
import { POLL_MS, useNotificationStore } from './notifications'
import { useProposalRefs } from './proposalRefs'

function answer(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

describe('notification store', () => {
  const fetchMock = vi.fn()
  beforeEach(() => {
    setActivePinia(createPinia())
    vi.stubGlobal('fetch', fetchMock)
    configureClient({ csrfToken: () => 't', notifyError: () => {}, onUnauthorized: () => {} })
  })
  afterEach(() => {
    useNotificationStore().stopPolling()
    vi.useRealTimers()
    vi.unstubAllGlobals()
    fetchMock.mockReset()
  })

  it('polls the unread count and keeps the last one when a poll fails', async () => {
    vi.useFakeTimers()
    fetchMock.mockResolvedValueOnce(answer(200, { unread: 3 })).mockRejectedValueOnce(new TypeError('down')).mockResolvedValueOnce(answer(200, { unread: 5 }))
    const store = useNotificationStore()
    store.startPolling()
    await vi.waitFor(() => expect(store.unread).toBe(3))
    expect(fetchMock.mock.calls[0][0]).toBe('/api/v1/notifications/unread-count')
    await vi.advanceTimersByTimeAsync(POLL_MS)
    expect(store.unread).toBe(3)
    await vi.advanceTimersByTimeAsync(POLL_MS)
    expect(store.unread).toBe(5)
    store.stopPolling()
    await vi.advanceTimersByTimeAsync(POLL_MS * 3)
    expect(fetchMock).toHaveBeenCalledTimes(3)
  })

  it('lowers the count when notices are marked read', async () => {
    const store = useNotificationStore()
    store.unread = 2
    fetchMock.mockResolvedValue(answer(200, { ok: true }))
    await store.markRead(11)
    expect(fetchMock.mock.calls[0][0]).toBe('/api/v1/notifications/11/read')
    expect(fetchMock.mock.calls[0][1].method).toBe('POST')
    expect(fetchMock.mock.calls[0][1].headers['X-CSRF-Token']).toBe('t')
    expect(store.unread).toBe(1)
    fetchMock.mockResolvedValue(answer(200, { marked: 1 }))
    await store.markAllRead()
    expect(fetchMock.mock.calls[1][0]).toBe('/api/v1/notifications/read-all')
    expect(store.unread).toBe(0)
  })
})

describe('proposal reference data', () => {
  const fetchMock = vi.fn()
  beforeEach(() => {
    setActivePinia(createPinia())
    vi.stubGlobal('fetch', fetchMock)
    configureClient({ notifyError: () => {}, onUnauthorized: () => {} })
    useProposalRefs().forget()
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    fetchMock.mockReset()
  })

  it('loads each kind once, even for callers at the same time', async () => {
    fetchMock.mockImplementation(async (url: string) => {
      if (url.startsWith('/api/v1/proposals/decline-reasons')) return answer(200, { items: ['没有具体建议的'] })
      if (url.startsWith('/api/v1/units')) return answer(200, { items: [{ id: 1, name: '区发展和改革局' }], total: 1, page: 1, page_size: 100 })
      if (url.startsWith('/api/v1/sessions'))
        return answer(200, { items: [{ id: 4, name: '四次会议', is_current: false }, { id: 5, name: '五次会议', is_current: true }], total: 2, page: 1, page_size: 100 })
      return answer(404, { error: { code: 'not_found', message: 'x' } })
    })
    const refs = useProposalRefs()
    await Promise.all([refs.ensure('declineReasons', 'units'), refs.ensure('units', 'sessions')])
    await refs.ensure('units')
    expect(fetchMock.mock.calls.filter((c) => String(c[0]).startsWith('/api/v1/units'))).toHaveLength(1)
    expect(refs.declineReasons).toEqual(['没有具体建议的'])
    expect(refs.unitName(1)).toBe('区发展和改革局')
    expect(refs.unitName(99)).toBe('#99')
    expect(refs.currentSession?.id).toBe(5)
  })

  it('marks a kind the caller may not read as unavailable (leaders for proposal staff)', async () => {
    fetchMock.mockResolvedValue(answer(403, { error: { code: 'forbidden', message: '只有系统管理员可以管理用户和角色' } }))
    const refs = useProposalRefs()
    await refs.ensure('leaders')
    expect(refs.leaders).toEqual([])
    expect(refs.unavailable).toEqual(['leaders'])
  })

  it('reads the leaders from the picker endpoint (id and name)', async () => {
    fetchMock.mockResolvedValue(answer(200, { items: [{ id: 3, name: '朱主席' }], total: 1, page: 1, page_size: 1 }))
    const refs = useProposalRefs()
    await refs.ensure('leaders')
    expect(fetchMock.mock.calls[0][0]).toBe('/api/v1/proposals/leaders')
    expect(refs.leaders).toEqual([{ id: 3, name: '朱主席' }])
  })

  it('takes the result categories from the settings, and newly saved settings at once', async () => {
    const settings = {
      decline_reasons: ['与本委员会职能无关'],
      cosign_window_days: 3,
      result_d_enabled: true,
      sign_window_working_days: 5,
      opinion_months: 1,
      reply_months: 3,
      max_reply_months: 6,
      second_handling_months: 3,
      reminder_days: [3, 1],
      result_categories: ['A', 'B', 'C', 'D'],
      customised: true,
      updated_at: null,
    }
    fetchMock.mockResolvedValue(answer(200, { ...settings, defaults: settings }))
    const refs = useProposalRefs()
    expect(refs.resultCategories).toEqual(['A', 'B', 'C'])
    await refs.ensure('settings')
    expect(fetchMock.mock.calls[0][0]).toBe('/api/v1/proposals/settings')
    expect(refs.resultCategories).toEqual(['A', 'B', 'C', 'D'])
    refs.applySettings({ ...settings, decline_reasons: ['甲', '乙'], result_d_enabled: false, result_categories: ['A', 'B', 'C'], defaults: settings } as never)
    await refs.ensure('settings', 'declineReasons')
    expect(fetchMock).toHaveBeenCalledTimes(1)
    expect(refs.declineReasons).toEqual(['甲', '乙'])
    expect(refs.resultCategories).toEqual(['A', 'B', 'C'])
  })
})

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { configureClient } from './client'
import {
  appendSelected,
  beijingTime,
  changeDeliberation,
  closeDeliberation,
  compactInvite,
  editOpinion,
  getDeliberation,
  inviteToDeliberation,
  listMyDeliberations,
  moderateOpinion,
  openDeliberation,
  postOpinion,
  selectOpinion,
  toUtc,
  withdrawOpinion,
} from './consultationDeliberation'

function answer(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

describe('deliberation helpers', () => {
  it('sends only the groups chosen', () => {
    expect(compactInvite({ user_ids: [3], sector_ids: [], party_ids: [], special_committee_ids: [], standing_committee: false })).toEqual({ user_ids: [3] })
    expect(compactInvite({ prompt: '题', closes_at: 'x', standing_committee: true })).toEqual({ prompt: '题', closes_at: 'x', standing_committee: true })
  })

  it('writes times as the server stores them and reads them in Beijing time', () => {
    expect(toUtc(new Date(Date.UTC(2026, 5, 10, 1, 0, 0, 123)))).toBe('2026-06-10T01:00:00Z')
    expect(beijingTime('2026-06-10T01:00:00Z')).toBe('6月10日 09:00')
    expect(beijingTime('2026-06-09T16:30:00Z')).toBe('6月10日 00:30')
    expect(beijingTime('不是时间')).toBe('不是时间')
  })

  it('appends the selected opinions to an outcome once, under a heading', () => {
    const text = '（1）张伟：建议一\n（2）李娜：建议二\n'
    const once = appendSelected('一、总体情况\n', text, '委员意见')
    expect(once).toBe('一、总体情况\n\n委员意见：\n（1）张伟：建议一\n（2）李娜：建议二\n')
    expect(appendSelected(once, text, '委员意见')).toBe(once)
    expect(appendSelected('', text, '委员意见')).toBe('委员意见：\n（1）张伟：建议一\n（2）李娜：建议二\n')
    expect(appendSelected('正文', '  ', '委员意见')).toBe('正文')
  })
})

describe('deliberation requests', () => {
  const fetchMock = vi.fn()
  const notifyError = vi.fn()

  beforeEach(() => {
    configureClient({ csrfToken: () => 'tok', notifyError, onUnauthorized: vi.fn(), onPasswordChangeRequired: vi.fn() })
    vi.stubGlobal('fetch', fetchMock)
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    vi.clearAllMocks()
  })

  const call = (i: number) => ({ url: fetchMock.mock.calls[i][0], method: fetchMock.mock.calls[i][1].method, body: fetchMock.mock.calls[i][1].body })

  it('reads a topic’s deliberation and my open windows', async () => {
    fetchMock.mockResolvedValueOnce(answer(200, { topic_id: 9, window: null, can_open: true }))
    expect((await getDeliberation(9)).can_open).toBe(true)
    expect(call(0).url).toBe('/api/v1/consultations/topics/9/deliberation')
    fetchMock.mockResolvedValueOnce(answer(200, { items: [{ id: 2, phase: 'open' }], total: 1 }))
    expect((await listMyDeliberations()).items[0].phase).toBe('open')
    expect(call(1).url).toBe('/api/v1/consultations/deliberations/mine')
  })

  it('opens, changes at its version, closes and invites', async () => {
    fetchMock.mockImplementation(async () => answer(200, { topic_id: 9 }))
    await openDeliberation(9, { prompt: '请提意见', closes_at: '2026-12-20T01:00:00Z', user_ids: [3], sector_ids: [] })
    expect(call(0)).toMatchObject({ url: '/api/v1/consultations/topics/9/deliberation', method: 'POST' })
    expect(JSON.parse(call(0).body)).toEqual({ prompt: '请提意见', closes_at: '2026-12-20T01:00:00Z', user_ids: [3] })
    await changeDeliberation({ id: 4, version: 6 }, { closes_at: '2026-12-25T01:00:00Z' })
    expect(call(1)).toMatchObject({ url: '/api/v1/consultations/deliberations/4', method: 'PATCH' })
    expect(JSON.parse(call(1).body)).toEqual({ closes_at: '2026-12-25T01:00:00Z', version: 6 })
    await closeDeliberation({ id: 4, version: 7 })
    expect(call(2).url).toBe('/api/v1/consultations/deliberations/4/close')
    expect(JSON.parse(call(2).body)).toEqual({ version: 7 })
    await inviteToDeliberation(4, { party_ids: [2], user_ids: [] })
    expect(call(3).url).toBe('/api/v1/consultations/deliberations/4/invitees')
    expect(JSON.parse(call(3).body)).toEqual({ party_ids: [2] })
  })

  it('posts, edits and withdraws an opinion; moderates with a reason only when hiding; selects', async () => {
    fetchMock.mockImplementation(async () => answer(200, { topic_id: 9 }))
    await postOpinion(4, '建议')
    expect(call(0)).toMatchObject({ url: '/api/v1/consultations/deliberations/4/opinions', method: 'POST' })
    expect(JSON.parse(call(0).body)).toEqual({ body: '建议' })
    await editOpinion(11, '改后的建议')
    expect(call(1)).toMatchObject({ url: '/api/v1/consultations/deliberation-opinions/11', method: 'PATCH' })
    await withdrawOpinion(11)
    expect(call(2)).toMatchObject({ url: '/api/v1/consultations/deliberation-opinions/11', method: 'DELETE' })
    await moderateOpinion(12, 'publish', '忽略')
    expect(JSON.parse(call(3).body)).toEqual({ action: 'publish' })
    await moderateOpinion(12, 'hide', '  与议题无关 ')
    expect(call(4).url).toBe('/api/v1/consultations/deliberation-opinions/12/moderation')
    expect(JSON.parse(call(4).body)).toEqual({ action: 'hide', reason: '与议题无关' })
    await selectOpinion(12, true)
    expect(call(5).url).toBe('/api/v1/consultations/deliberation-opinions/12/selection')
    expect(JSON.parse(call(5).body)).toEqual({ selected: true })
  })

  it('leaves a refusal to the caller (the window closed)', async () => {
    fetchMock.mockResolvedValueOnce(answer(409, { error: { code: 'illegal_transition', message: '网络议政已于 2026年6月10日 09:00 截止，不能再发表意见' } }))
    await expect(postOpinion(4, '晚了')).rejects.toMatchObject({ status: 409, message: expect.stringContaining('截止') })
    expect(notifyError).not.toHaveBeenCalled()
  })
})

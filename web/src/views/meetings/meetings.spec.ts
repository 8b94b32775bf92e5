import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, RouterLinkStub } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { i18n } from '@/locales'
import MeetingCard from './MeetingCard.vue'
import MeetingSignIn from './MeetingSignIn.vue'
import { timeRange } from './format'

const route = { params: { id: '7' }, query: { t: '7.1.0123456789' } as Record<string, string> }
vi.mock('vue-router', async (orig) => ({ ...(await orig<typeof import('vue-router')>()), useRoute: () => route }))

function answer(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}
const meeting = {
  id: 7,
  kind: 'symposium',
  title: '老旧小区改造座谈会',
  place: '区政协三楼会议室',
  starts_at: '2026-12-08T01:30:00Z',
  ends_at: '2026-12-08T03:30:00Z',
  state: 'notified',
  phase: 'upcoming',
  special_committee_id: null,
  subject_type: null,
  subject_id: null,
}

describe('meeting pages', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    document.body.innerHTML = ''
  })

  it('write a range without repeating the day', () => {
    const r = timeRange(meeting)
    expect(r).toMatch(/^2026-12-0\d \d\d:30–\d\d:30$/)
  })

  it('show a meeting as a card with its kind in words', () => {
    setActivePinia(createPinia())
    const w = mount(MeetingCard, { props: { meeting: meeting as never, tag: '未回执' }, global: { plugins: [i18n], stubs: { RouterLink: RouterLinkStub } } })
    expect(w.text()).toContain('座谈会')
    expect(w.text()).toContain('未回执')
    expect(w.text()).not.toContain('symposium')
    expect(w.findComponent(RouterLinkStub).props('to')).toBe('/meetings/7')
    w.unmount()
  })

  it('sign in with the code of the address and show success', async () => {
    const fetch = vi.fn(async () => answer(200, { ...meeting, access: 'invitee', limited: false, actions: [] }))
    vi.stubGlobal('fetch', fetch)
    const w = mount(MeetingSignIn, { global: { plugins: [i18n], stubs: { RouterLink: RouterLinkStub } } })
    await flushPromises()
    const [url, init] = (fetch.mock.calls as unknown as [string, RequestInit][])[0]
    expect(url).toBe('/api/v1/meetings/7/sign-in')
    expect(JSON.parse(init.body as string)).toEqual({ token: '7.1.0123456789' })
    expect(w.find('[data-test=sign-in-success]').text()).toContain('老旧小区改造座谈会')
    w.unmount()
  })

  it('show the server\'s reason when the sign-in is refused', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => answer(400, { error: { code: 'bad_request', message: '这是另一场会议的签到码', reason: 'sign_in_wrong_meeting' } })))
    const w = mount(MeetingSignIn, { global: { plugins: [i18n], stubs: { RouterLink: RouterLinkStub } } })
    await flushPromises()
    expect(w.find('[data-test=sign-in-failed]').text()).toContain('这是另一场会议的签到码')
    w.unmount()
  })
})

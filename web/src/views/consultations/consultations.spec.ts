import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, RouterLinkStub } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { configureClient } from '@/api/client'
import type { TopicDetail, TopicSummary } from '@/api/consultations'
import { i18n } from '@/locales'
import { useAppStore } from '@/stores/app'
import { forgetWorkflow, labelOf, leadingBody } from './labels'
import TopicList from './components/TopicList.vue'
import TopicActionDialog from './components/TopicActionDialog.vue'

const t = i18n.global.t as (key: string, named?: Record<string, unknown>) => string
const te = i18n.global.te as (key: string) => boolean

const topic: TopicSummary = {
  id: 11,
  plan_id: 3,
  plan_year: 2030,
  kind: 'counterpart',
  kind_label: '对口协商',
  title: '优化营商环境对口协商',
  purpose: '',
  lead_leader_id: 5,
  lead_leader_name: '王主席',
  special_committee_id: 2,
  special_committee_name: '经济委员会',
  party_id: null,
  party_name: null,
  sector_id: null,
  sector_name: null,
  planned_month: 5,
  form: 'symposium',
  form_label: '座谈会',
  participants: '',
  state: 'planned',
  state_label: '已列入计划',
  added_in_year: false,
  addition_reason: '',
  proposed_by_name: '田伟',
  held_on: null,
  version: 2,
  units: [
    { id: 7, name: '区发展和改革局' },
    { id: 8, name: '区市场监管局' },
  ],
}

function answer(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

describe('consultation labels', () => {
  it('name every value: the locale first, else the server, never the raw code', () => {
    expect(labelOf(t, te, null, 'kind', 'counterpart')).toBe('对口协商')
    expect(labelOf(t, te, null, 'action', 'request_postponement')).toBe('申请延期')
    expect(labelOf(t, te, null, 'state', 'outcome_sent', '成果已报送')).toBe('成果已报送')
    expect(labelOf(t, te, null, 'state', 'outcome_sent')).toBe('其他')
    expect(labelOf(t, te, null, 'meetingKind', 'briefing')).toBe('情况通报会')
    expect(leadingBody({ special_committee_name: null, party_name: '民盟', sector_name: '教育界' })).toBe('民盟、教育界')
  })
})

describe('consultation components', () => {
  const fetchMock = vi.fn()

  beforeEach(() => {
    setActivePinia(createPinia())
    forgetWorkflow()
    configureClient({ csrfToken: () => 'tok', notifyError: vi.fn(), onUnauthorized: vi.fn(), onPasswordChangeRequired: vi.fn() })
    vi.stubGlobal('fetch', fetchMock)
    fetchMock.mockImplementation(async (url: string) => (url.includes('/workflow') ? answer(404, { error: { code: 'not_found', message: 'x' } }) : answer(200, {})))
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    vi.clearAllMocks()
    document.body.innerHTML = ''
  })

  it('shows topics as cards on a phone, with their link, lead and counterpart units', async () => {
    const pinia = createPinia()
    setActivePinia(pinia)
    useAppStore().isMobile = true
    const wrapper = mount(TopicList, { props: { topics: [topic] }, global: { plugins: [i18n, pinia], stubs: { RouterLink: RouterLinkStub } } })
    await flushPromises()
    const card = wrapper.find('[data-test=topic-card]')
    expect(card.exists()).toBe(true)
    expect(wrapper.find('[data-test=topic-table]').exists()).toBe(false)
    expect(wrapper.findComponent(RouterLinkStub).props('to')).toBe('/consultations/topics/11')
    expect(card.text()).toContain('5月')
    expect(card.text()).toContain('座谈会')
    expect(card.text()).toContain('经济委员会')
    expect(card.text()).toContain('区发展和改革局、区市场监管局')
    expect(card.find('[data-test=topic-state]').text()).toBe('已列入计划')
    wrapper.unmount()
  })

  it('asks for the reason of a rejection before sending, and the day a consultation was held', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const detail = { ...topic, state: 'proposed', history: [], postponements: [], proposals: [], allowed_actions: [], pending_postponement_id: null } as unknown as TopicDetail
    const wrapper = mount(TopicActionDialog, {
      props: { modelValue: true, topic: detail, action: { action: 'reject', label: '不列入计划' } },
      global: { plugins: [i18n, createPinia()] },
      attachTo: document.body,
    })
    await flushPromises()
    expect(document.querySelector('.el-dialog__title')?.textContent).toBe('不列入计划')
    ;(document.querySelector('[data-test=dialog-save]') as HTMLButtonElement).click()
    await flushPromises()
    // the note's form item is marked in error (the message itself sits in a transition jsdom does not play)
    expect(document.querySelector('[data-test=topic-action-form] .el-form-item.is-error label')?.textContent).toBe('不列入理由')
    expect(fetchMock.mock.calls.some(([url]) => String(url).includes('/transitions'))).toBe(false)

    await wrapper.setProps({ action: { action: 'record_consultation', label: '登记协商活动已举行' } })
    fetchMock.mockImplementation(async () => answer(200, { ...detail, state: 'consulted' }))
    ;(document.querySelector('[data-test=dialog-save]') as HTMLButtonElement).click()
    await flushPromises()
    const sent = fetchMock.mock.calls.find(([url]) => String(url).includes('/transitions'))
    expect(sent).toBeTruthy()
    const body = JSON.parse(sent![1].body)
    expect(body.action).toBe('record_consultation')
    expect(body.version).toBe(2)
    expect(body.held_on).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(wrapper.emitted('done')?.[0]?.[0]).toMatchObject({ state: 'consulted' })
    wrapper.unmount()
    await new Promise((r) => setTimeout(r, 50))
    warn.mockRestore()
  })
})

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, RouterLinkStub } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { configureClient } from '@/api/client'
import type { FollowItem, Outcome, TopicDetail, TopicSummary } from '@/api/consultations'
import { useAuthStore } from '@/stores/auth'
import { i18n } from '@/locales'
import { useAppStore } from '@/stores/app'
import { forgetWorkflow, labelOf, leadingBody } from './labels'
import TopicList from './components/TopicList.vue'
import TopicActionDialog from './components/TopicActionDialog.vue'
import FollowItemsTable from './components/FollowItemsTable.vue'
import OutcomeActionDialog from './components/OutcomeActionDialog.vue'

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

  const item = (over: Partial<FollowItem>): FollowItem => ({
    id: 1,
    unit_id: 7,
    unit_name: '区发展和改革局',
    title: '推行“一件事一次办”清单',
    due_on: '2030-08-01',
    state: 'open',
    state_label: '办理中',
    late_working_days: 0,
    done_on: null,
    result: '',
    progress: [{ note: '已起草清单', actor_name: '发改局', at: '2030-07-10T02:00:00Z' }],
    instruction_id: null,
    created_by_name: '发改局',
    ...over,
  })

  it('shows follow-through items as cards on a phone: late in red with its working days, buttons for its own unit only', async () => {
    const pinia = createPinia()
    setActivePinia(pinia)
    useAppStore().isMobile = true
    useAuthStore().user = { id: 1, name: '发改局', username: 'fagaiju', mobile: null, must_change_password: false, committee_id: 1, roles: ['unit_staff'], committees: [], grants: [{ role: 'unit_staff', unit_id: 7 }] }
    const items = [item({ late_working_days: 3, state_label: '已超期' }), item({ id: 2, unit_id: 8, unit_name: '区民政局' }), item({ id: 3, state: 'done', result: '已印发实施', done_on: '2030-07-20' })]
    const wrapper = mount(FollowItemsTable, { props: { items }, global: { plugins: [i18n, pinia], stubs: { RouterLink: RouterLinkStub } } })
    await flushPromises()
    const cards = wrapper.findAll('[data-test=follow-item]')
    expect(cards).toHaveLength(3)
    expect(wrapper.find('[data-test=follow-table]').exists()).toBe(false)
    const late = cards[0].find('[data-test=follow-state]')
    expect(late.text()).toBe('超期3个工作日')
    expect(late.classes()).toContain('el-tag--danger')
    expect(cards[0].text()).toContain('已起草清单')
    expect(cards[0].find('[data-test=follow-close]').exists()).toBe(true)
    expect(cards[1].find('[data-test=follow-close]').exists()).toBe(false)
    expect(cards[2].find('[data-test=follow-state]').text()).toBe('已办结')
    expect(cards[2].text()).toContain('已印发实施')
    expect(cards[2].find('[data-test=follow-progress]').exists()).toBe(false)
    await cards[0].find('[data-test=follow-close]').trigger('click')
    expect(wrapper.emitted('close')?.[0]?.[0]).toMatchObject({ id: 1 })
    wrapper.unmount()
  })

  it('sends an outcome to 区委、区政府 today unless changed, and asks for the adoption before recording it', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const outcome = { id: 5, title: '意见建议', version: 4, instructions: [], items: [] } as unknown as Outcome
    fetchMock.mockImplementation(async () => answer(200, { id: 11, state: 'following' }))
    const wrapper = mount(OutcomeActionDialog, {
      props: { modelValue: true, outcome, action: { action: 'send', label: '报送区委、区政府' } },
      global: { plugins: [i18n, createPinia()] },
      attachTo: document.body,
    })
    await flushPromises()
    expect((document.querySelector('#outcome-sent-to') as HTMLInputElement).value).toBe('区委、区政府')
    ;(document.querySelector('[data-test=dialog-save]') as HTMLButtonElement).click()
    await flushPromises()
    const sent = fetchMock.mock.calls.find(([url]) => String(url).includes('/outcomes/5/transitions'))
    const body = JSON.parse(sent![1].body)
    expect(body).toMatchObject({ action: 'send', version: 4, sent_to: '区委、区政府' })
    expect(body.sent_on).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(wrapper.emitted('done')?.[0]?.[0]).toMatchObject({ state: 'following' })

    fetchMock.mockClear()
    await wrapper.setProps({ modelValue: true, action: { action: 'record_adoption', label: '确认采纳情况' } })
    await flushPromises()
    ;(document.querySelector('[data-test=dialog-save]') as HTMLButtonElement).click()
    await flushPromises()
    expect(document.querySelector('[data-test=outcome-action-form] .el-form-item.is-error label')?.textContent).toBe('采纳情况')
    expect(fetchMock.mock.calls.some(([url]) => String(url).includes('/transitions'))).toBe(false)
    wrapper.unmount()
    await new Promise((r) => setTimeout(r, 50))
    warn.mockRestore()
  })
})

import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { i18n } from '@/locales'
import type { Deliberation, Opinion } from '@/api/consultationDeliberation'
import DeliberationPanel from './DeliberationPanel.vue'
import MyDeliberations from './MyDeliberations.vue'

const current = { value: null as unknown as Deliberation }
const post = vi.fn()
const moderate = vi.fn()
vi.mock('@/api/consultationDeliberation', async (orig) => ({
  ...(await orig<typeof import('@/api/consultationDeliberation')>()),
  getDeliberation: async () => current.value,
  postOpinion: async (id: number, body: string) => {
    post(id, body)
    return current.value
  },
  moderateOpinion: async (id: number, action: string) => {
    moderate(id, action)
    return current.value
  },
  listMyDeliberations: async () => ({
    items: [{ id: 4, topic_id: 9, topic_title: '加强基层社会治理网格化建设', topic_form: 'talk', topic_form_label: '恳谈会', prompt: '请提意见', opens_at: '2026-12-01T01:00:00Z', closes_at: '2026-12-18T01:00:00Z', phase: 'open', phase_label: '进行中', my_opinions: 0, can_post: true, link: '/consultations/topics/9' }],
    total: 1,
  }),
}))
vi.mock('@/api/consultations', () => ({ getTopic: async () => ({ outcomes: [] }), updateOutcome: vi.fn() }))
vi.mock('@/api/sectors', () => ({ allSectors: async () => [], allParties: async () => [] }))
vi.mock('@/api/specialCommittees', () => ({ allSpecialCommittees: async () => [] }))
vi.mock('@/api/members', () => ({ listMembers: async () => ({ items: [] }) }))

const opinion = (o: Partial<Opinion>): Opinion => ({
  id: 1, deliberation_id: 4, author_id: 7, author_name: '张伟', body: '建议明确网格事项准入清单', state: 'published', state_label: '已发布', mine: false,
  selected: false, selected_at: null, selected_by_name: null, moderation_reason: '', moderated_by_name: '', moderated_at: null,
  created_at: '2026-12-05T02:00:00Z', updated_at: '2026-12-05T02:00:00Z', can_edit: false, can_withdraw: false, can_publish: false, can_hide: false,
  can_select: false, ...o,
})
const base = (d: Partial<Deliberation>): Deliberation => ({
  topic_id: 9, topic_title: '加强基层社会治理网格化建设', topic_form: 'talk', topic_form_label: '恳谈会',
  window: { id: 4, topic_id: 9, prompt: '请围绕网格员队伍建设提出意见', opens_at: '2026-12-04T01:00:00Z', closes_at: '2026-12-18T01:00:00Z', closed_early: false, closed_at: null, phase: 'open', phase_label: '进行中', version: 3, created_at: '2026-12-04T01:00:00Z', invitees_count: 11 },
  counts: { published: 1, selected: 0 }, invited: false, invitees: [], opinions: [], selected: [], selected_text: '', can_open: false, can_change: false,
  can_close: false, can_invite: false, can_post: false, can_moderate: false, post_refusal: null, ...d,
})

describe('deliberation panel', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    vi.clearAllMocks()
  })

  it('lets an invited member post while the window is open', async () => {
    current.value = base({ invited: true, can_post: true, opinions: [opinion({})] })
    const w = mount(DeliberationPanel, { props: { topicId: 9 }, global: { plugins: [i18n] }, attachTo: document.body })
    await flushPromises()
    expect(w.find('[data-test=deliberation-phase]').text()).toBe('进行中')
    expect(w.find('[data-test=deliberation-prompt]').text()).toContain('网格员队伍建设')
    expect(w.find('[data-test=opinion-1]').text()).toContain('张伟')
    expect(w.find('[data-test=opinion-publish-1]').exists()).toBe(false)
    await w.find('[data-test=deliberation-post] textarea').setValue('  建议整合信息采集应用  ')
    await w.find('[data-test=deliberation-post-submit]').trigger('click')
    await flushPromises()
    expect(post).toHaveBeenCalledWith(4, '建议整合信息采集应用')
    w.unmount()
  })

  it('tells an invited member why they may not post, and shows no form', async () => {
    current.value = base({ invited: true, can_post: false, post_refusal: '网络议政已于 12月18日 09:00 截止，不能再发表意见' })
    const w = mount(DeliberationPanel, { props: { topicId: 9 }, global: { plugins: [i18n] }, attachTo: document.body })
    await flushPromises()
    expect(w.find('[data-test=deliberation-post]').text()).toContain('截止')
    expect(w.find('[data-test=deliberation-post-body]').exists()).toBe(false)
    w.unmount()
  })

  it('gives staff moderation and the selected opinions for the outcome', async () => {
    const pending = opinion({ id: 2, state: 'pending', state_label: '待审核', can_publish: true, can_hide: true })
    const chosen = opinion({ id: 3, selected: true, can_hide: true, can_select: true })
    current.value = base({ can_moderate: true, can_change: true, can_close: true, can_invite: true, opinions: [pending, chosen], selected: [chosen], selected_text: '（1）张伟：建议明确网格事项准入清单\n' })
    const w = mount(DeliberationPanel, { props: { topicId: 9 }, global: { plugins: [i18n] }, attachTo: document.body })
    await flushPromises()
    expect(w.find('[data-test=deliberation-close]').exists()).toBe(true)
    expect(w.find('[data-test=deliberation-selected]').text()).toContain('准入清单')
    await w.find('[data-test=opinion-publish-2]').trigger('click')
    await flushPromises()
    expect(moderate).toHaveBeenCalledWith(2, 'publish')
    w.unmount()
  })

  it('offers staff to open a window when there is none', async () => {
    current.value = base({ window: null, counts: null, can_open: true })
    const w = mount(DeliberationPanel, { props: { topicId: 9 }, global: { plugins: [i18n] }, attachTo: document.body })
    await flushPromises()
    expect(w.find('[data-test=deliberation-open]').exists()).toBe(true)
    w.unmount()
  })
})

describe('my deliberations', () => {
  it('lists the windows I am invited to, linking to the topic', async () => {
    const w = mount(MyDeliberations, { global: { plugins: [i18n], stubs: { RouterLink: { props: ['to'], template: '<a :href="to"><slot /></a>' } } } })
    await flushPromises()
    const item = w.find('[data-test=my-deliberation-4]')
    expect(item.attributes('href')).toBe('/consultations/topics/9')
    expect(item.text()).toContain('进行中')
    expect(item.text()).toContain('尚未发表意见')
    w.unmount()
  })
})

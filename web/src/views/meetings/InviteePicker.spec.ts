import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { i18n } from '@/locales'
import InviteePicker from './InviteePicker.vue'

const invite = vi.fn(async (id: number, body: unknown) => ({ id, body }))
vi.mock('@/api/meetings', async (orig) => ({ ...(await orig<typeof import('@/api/meetings')>()), inviteToMeeting: (id: number, body: unknown) => invite(id, body) }))
vi.mock('@/api/sectors', () => ({ allSectors: async () => [{ id: 1, name: '经济界' }], allParties: async () => [{ id: 2, name: '民盟' }] }))
vi.mock('@/api/specialCommittees', () => ({ allSpecialCommittees: async () => [{ id: 3, name: '经济委员会' }] }))
vi.mock('@/api/units', () => ({ allUnits: async () => [{ id: 4, name: '区民政局' }] }))
vi.mock('@/api/members', () => ({ listMembers: async () => ({ items: [] }) }))

describe('invitee picker', () => {
  it('offers the groups in order, the standing committee after the parties, and sends the choice', async () => {
    setActivePinia(createPinia())
    const w = mount(InviteePicker, { props: { modelValue: true, meetingId: 9 }, global: { plugins: [i18n] }, attachTo: document.body })
    await flushPromises()
    const items = w.findAll('.el-form-item').map((f) => f.element)
    const labels = items.map((f) => (f.querySelector('.el-form-item__label') ?? f).textContent?.trim())
    expect(labels).toEqual(['指定人员', '按界别', '按专委会', '按党派', '全体常委', '邀请单位', '特邀嘉宾'])
    expect(w.find('[data-test=pick-sectors]').exists()).toBe(true)
    expect(w.find('[data-test=pick-units]').exists()).toBe(true)
    await w.find('[data-test=pick-standing] input').setValue(true)
    await w.find('[data-test=picker-save]').trigger('click')
    await flushPromises()
    expect(invite).toHaveBeenCalledWith(9, {
      user_ids: [],
      sector_ids: [],
      special_committee_ids: [],
      party_ids: [],
      unit_ids: [],
      standing_committee: true,
      guests: [],
    })
    w.unmount()
  })
})

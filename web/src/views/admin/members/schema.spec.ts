import { describe, expect, it } from 'vitest'
import zhCN from '@/locales/zh-CN'
import en from '@/locales/en'
import { MEMBER_ACCOUNTS } from '@/utils/enums'
import { accountState, columns } from './schema'
import type { Member } from '@/api/members'

describe('member login account state', () => {
  it('takes the server’s account when given', () => {
    expect(accountState({ account: 'pending_consent', user_id: null, pending_user_id: 7 })).toBe('pending_consent')
    expect(accountState({ account: 'linked', user_id: 3 })).toBe('linked')
    expect(accountState({ account: 'none', user_id: null, pending_user_id: null })).toBe('none')
  })

  it('reads it off user_id and pending_user_id otherwise, a link winning over a request', () => {
    expect(accountState({ user_id: 3, pending_user_id: null })).toBe('linked')
    expect(accountState({ user_id: 3, pending_user_id: 9 })).toBe('linked')
    expect(accountState({ user_id: null, pending_user_id: 9 })).toBe('pending_consent')
    expect(accountState({ user_id: null })).toBe('none')
  })

  it('labels every state in both languages, in Chinese as staff read them', () => {
    expect(zhCN.enums.memberAccount).toEqual({ linked: '已关联', pending_consent: '待本人确认', none: '未开通' })
    for (const state of MEMBER_ACCOUNTS) expect(en.enums.memberAccount[state]).toBeTruthy()
  })

  it('shows the state in the 登录账号 column, never the code', () => {
    const column = columns.find((c) => c.prop === 'account')
    expect(column?.label).toBe('member.account')
    const row = { account: 'pending_consent', user_id: null, pending_user_id: 4 } as unknown as Member
    const shown = column?.formatter?.(row)
    expect(shown).not.toContain('pending')
    expect(Object.values(zhCN.enums.memberAccount).concat(Object.values(en.enums.memberAccount))).toContain(shown)
  })
})

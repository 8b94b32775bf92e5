import { describe, expect, it } from 'vitest'
import zhCN from '@/locales/zh-CN'
import { auditActionLabel, type Translator } from './audit'

type Tree = { [key: string]: string | Tree }

/** t/te over the Chinese messages, with {name} placeholders filled. */
function chinese(): Translator {
  const lookup = (key: string) =>
    key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Tree)[part] : undefined), zhCN)
  return {
    te: (key) => typeof lookup(key) === 'string',
    t: (key, values = {}) => String(lookup(key)).replace(/\{(\w+)\}/g, (_, name: string) => String(values[name])),
  }
}

describe('audit action labels', () => {
  const tr = chinese()

  it('names the actions added for issue 14 in Chinese', () => {
    expect(auditActionLabel('member.link_accept', tr)).toBe('委员账号关联：同意')
    expect(auditActionLabel('member.link_decline', tr)).toBe('委员账号关联：拒绝')
    expect(auditActionLabel('calendar.set', tr)).toBe('设置工作日历')
    expect(auditActionLabel('calendar.delete', tr)).toBe('删除工作日历设置')
    expect(auditActionLabel('auth.login_failed', tr)).toBe('登录失败')
    expect(auditActionLabel('auth.committee_switch', tr)).toBe('切换委员会')
  })

  it('builds record changes from the record type and the verb', () => {
    expect(auditActionLabel('member.create', tr)).toBe('委员：新建')
    expect(auditActionLabel('user.delete', tr)).toBe('用户：删除')
    expect(auditActionLabel('catalogue_topic.update', tr)).toBe('参考目录选题：修改')
  })

  it('names proposal workflow steps by the workflow’s own labels', () => {
    expect(auditActionLabel('proposal.submit', tr)).toBe(zhCN.enums.proposalAction.submit)
  })

  it('leaves an unknown action as the server names it', () => {
    expect(auditActionLabel('thing.frobnicate', tr)).toBe('thing.frobnicate')
    expect(auditActionLabel('nodot', tr)).toBe('nodot')
    expect(auditActionLabel('member.create.extra', tr)).toBe('member.create.extra')
  })
})

import { describe, expect, it } from 'vitest'
import { i18n } from '@/locales'
import zhCN from '@/locales/zh-CN'
import en from '@/locales/en'
import { KNOWN, actionLabel, actorText, kindLabel, roleLabel, shownChanges, subjectText, subjectTypeLabel, valueText } from './labels'

/** The locale in use (the composition API's ref). */
const locale = i18n.global.locale as unknown as { value: string }

type Tree = { [key: string]: string | Tree }
const lookup = (tree: Tree, key: string) =>
  key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Tree)[part] : undefined), tree)
/** No code left: no ASCII word, dot or underscore. */
const CODE = /[a-z_]+\.[a-z_]+|_|^[a-z]+$/

describe('audit labels', () => {
  it('name every known action in Chinese, and in English too', () => {
    expect(KNOWN.actions.length).toBeGreaterThan(60)
    for (const action of KNOWN.actions) {
      locale.value = 'zh-CN'
      const zh = actionLabel(action)
      expect(zh, action).not.toMatch(CODE)
      expect(zh, action).toMatch(/[\u4e00-\u9fff]/)
      locale.value = 'en'
      expect(actionLabel(action), action).not.toBe(action)
    }
    locale.value = 'zh-CN'
  })

  it('name every role, kind of action and record type in both languages', () => {
    for (const role of KNOWN.roles) {
      expect(lookup(zhCN as unknown as Tree, `enums.role.${role}`), role).toMatch(/[\u4e00-\u9fff]/)
      expect(lookup(en as unknown as Tree, `enums.role.${role}`), role).toBeTruthy()
      expect(roleLabel(role)).not.toMatch(CODE)
    }
    for (const kind of KNOWN.kinds) {
      expect(lookup(zhCN as unknown as Tree, `audit.kinds.${kind}`), kind).toMatch(/[\u4e00-\u9fff]/)
      expect(lookup(en as unknown as Tree, `audit.kinds.${kind}`), kind).toBeTruthy()
      expect(kindLabel(kind)).not.toMatch(CODE)
    }
    for (const type of KNOWN.subjects) expect(subjectTypeLabel(type), type).toMatch(/[\u4e00-\u9fff]/)
    expect(roleLabel(null)).toBe('—')
    expect(actorText({ actor_user_id: null, actor_name: '' })).toBe('未登录用户')
    expect(actorText({ actor_user_id: null, actor_name: 'system' })).toBe('系统')
    expect(actorText({ actor_user_id: 3, actor_name: '田伟' })).toBe('田伟')
  })

  it('names a record by its type and what the server calls it', () => {
    expect(subjectText({ subject_type: 'proposal', subject_id: '304', subject_label: '十四届五次会议 第0082号' })).toBe('提案 十四届五次会议 第0082号')
    expect(subjectText({ subject_type: 'member', subject_id: '7', subject_label: null })).toBe('委员 编号 7')
    expect(subjectText({ subject_type: 'calendar_day', subject_id: '2026-10-01', subject_label: '2026-10-01' })).toBe('工作日历 2026-10-01')
  })

  it('shows a change as labelled fields with values in words', () => {
    const rows = shownChanges({
      subject_type: 'proposal',
      before: { state: 'submitted', version: 3 },
      after: { state: 'filed', version: 4, payload: { comment: '同意立案', key: true } },
    })
    expect(rows).toEqual([
      { field: 'state', label: '状态', before: '待审查', after: '已立案待交办', kind: 'changed' },
      { field: 'comment', label: '意见', before: '—', after: '同意立案', kind: 'added' },
      { field: 'key', label: '是否重点', before: '—', after: '是', kind: 'added' },
    ])
    expect(rows[0].after).not.toMatch(CODE)
    const member = shownChanges({ subject_type: 'member', before: null, after: { name: '张三', gender: 'female', status: 'active', is_standing: false } })
    expect(member.map((r) => `${r.label}：${r.after}`)).toEqual(['名称：张三', '性别：女', '状态：在任', '是否常委：否'])
    const grants = shownChanges({ subject_type: 'user', before: [], after: [{ id: 1, committee_id: 1, role: 'proposal_staff', unit_id: null }] })
    expect(grants).toEqual([{ field: 'grants', label: '角色授权', before: '—', after: '提案工作人员', kind: 'changed' }])
    expect(valueText({ day: '2026-10-01', kind: 'holiday' }, '', 'calendar_day')).toBe('日期：2026-10-01；类型：节假日（休息）')
    expect(valueText([{ unit_id: 3, role: 'lead' }], 'units', 'proposal')).toBe('承办单位：3；角色：主办')
  })

  it('leaves out bare ids and spells out a member account', () => {
    const rows = shownChanges({
      subject_type: 'member',
      before: null,
      after: { id: 251, committee_id: 2, sector_id: 4, sector_name: '经济界', account: 'linked', name: '张三' },
    })
    expect(rows.map((r) => r.field)).toEqual(['sector_name', 'account', 'name'])
    expect(rows.find((r) => r.field === 'account')?.after).toBe('已关联')
  })
})

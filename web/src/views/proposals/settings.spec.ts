import { describe, expect, it } from 'vitest'
import zhCN from '@/locales/zh-CN'
import en from '@/locales/en'
import { categoriesOf, formField, moved, parseReasons, settingsProblems, toForm, toPayload, type SettingsValues } from './settings'

const defaults: SettingsValues = {
  decline_reasons: ['涉及党和国家秘密', '没有具体建议的'],
  cosign_window_days: 3,
  result_d_enabled: false,
  sign_window_working_days: 5,
  opinion_months: 1,
  reply_months: 3,
  max_reply_months: 6,
  second_handling_months: 3,
  reminder_days: [3, 1],
  categories: ['经济建设', '其他'],
}

function lookup(tree: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((n, p) => (n && typeof n === 'object' ? (n as Record<string, unknown>)[p] : undefined), tree)
}

describe('proposal settings form', () => {
  it('round-trips the settings, reasons one a line', () => {
    const form = toForm(defaults)
    expect(form.reasons).toBe('涉及党和国家秘密\n没有具体建议的')
    expect(toPayload(form)).toEqual(defaults)
    expect(settingsProblems(form)).toEqual({})
  })

  it('reads reasons one a line, trimmed, without blank lines', () => {
    expect(parseReasons('  甲 \r\n\n乙\n   \n')).toEqual(['甲', '乙'])
  })

  it('finds what the server would refuse, with texts in both languages', () => {
    const form = { ...toForm(defaults), reasons: '甲\n甲', cosign_window_days: 0, reply_months: 4, max_reply_months: 3, reminder_days: [40] }
    const found = settingsProblems(form)
    expect(Object.keys(found).sort()).toEqual(['cosign_window_days', 'max_reply_months', 'reasons', 'reminder_days'])
    expect(found.reasons).toEqual({ key: 'proposalSettings.problem.reasonTwice', named: { reason: '甲' } })
    expect(found.max_reply_months.named).toEqual({ n: 4 })
    expect(settingsProblems({ ...toForm(defaults), reasons: ' \n ' }).reasons.key).toBe('proposalSettings.problem.reasonCount')
    expect(settingsProblems({ ...toForm(defaults), reasons: '长'.repeat(101) }).reasons.key).toBe('proposalSettings.problem.reasonLength')
    expect(settingsProblems({ ...toForm(defaults), opinion_months: 4 }).opinion_months.key).toBe('proposalSettings.problem.opinionAboveReply')
    for (const key of ['reasonCount', 'reasonLength', 'reasonTwice', 'range', 'maxBelowReply', 'opinionAboveReply', 'reminders']) {
      expect(typeof lookup(zhCN, `proposalSettings.problem.${key}`)).toBe('string')
      expect(typeof lookup(en, `proposalSettings.problem.${key}`)).toBe('string')
    }
  })

  it('sends reminder points once each, latest first', () => {
    expect(toPayload({ ...toForm(defaults), reminder_days: [1, 5, 5, 2] }).reminder_days).toEqual([5, 2, 1])
  })

  it('checks the categories as the server does: 1 to 50, each 1 to 20 characters, none twice', () => {
    const problem = (categories: string[]) => settingsProblems({ ...toForm(defaults), categories }).categories?.key
    expect(problem(['教育事业', '其他'])).toBeUndefined()
    expect(problem([])).toBe('proposalSettings.problem.categoryCount')
    expect(problem(Array.from({ length: 51 }, (_, i) => `类别${i}`))).toBe('proposalSettings.problem.categoryCount')
    expect(problem(['  '])).toBe('proposalSettings.problem.categoryLength')
    expect(problem(['长'.repeat(21)])).toBe('proposalSettings.problem.categoryLength')
    expect(settingsProblems({ ...toForm(defaults), categories: ['甲', ' 甲 '] }).categories).toEqual({ key: 'proposalSettings.problem.categoryTwice', named: { category: '甲' } })
    expect(toPayload({ ...toForm(defaults), categories: [' 教育事业 '] }).categories).toEqual(['教育事业'])
    for (const key of ['categoryCount', 'categoryLength', 'categoryTwice']) {
      expect(typeof lookup(zhCN, `proposalSettings.problem.${key}`)).toBe('string')
      expect(typeof lookup(en, `proposalSettings.problem.${key}`)).toBe('string')
    }
  })

  it('falls back to the built-in categories and moves one within the list', () => {
    expect(categoriesOf({})).toEqual(['经济建设', '城市建设', '社会事业', '科教文卫', '政治法律', '其他'])
    expect(categoriesOf({ categories: ['甲'] })).toEqual(['甲'])
    expect(moved(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c'])
    expect(moved(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b'])
    expect(moved(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c'])
  })

  it('maps server field names onto the form', () => {
    expect(formField('decline_reasons')).toBe('reasons')
    expect(formField('reply_months')).toBe('reply_months')
  })
})

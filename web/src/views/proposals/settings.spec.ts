import { describe, expect, it } from 'vitest'
import zhCN from '@/locales/zh-CN'
import en from '@/locales/en'
import type { ProposalSettingsValues } from '@/api/proposals'
import { formField, parseReasons, settingsProblems, toForm, toPayload } from './settings'

const defaults: ProposalSettingsValues = {
  decline_reasons: ['涉及党和国家秘密', '没有具体建议的'],
  cosign_window_days: 3,
  result_d_enabled: false,
  sign_window_working_days: 5,
  opinion_months: 1,
  reply_months: 3,
  max_reply_months: 6,
  second_handling_months: 3,
  reminder_days: [3, 1],
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

  it('maps server field names onto the form', () => {
    expect(formField('decline_reasons')).toBe('reasons')
    expect(formField('reply_months')).toBe('reply_months')
  })
})

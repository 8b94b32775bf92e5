import { describe, expect, it } from 'vitest'
import zhCN from '@/locales/zh-CN'
import en from '@/locales/en'
import { countdown, countdownKey, memberChoices, numberWithSession, statesAllowing, unitDoneStates } from '@/utils/proposals'
import { WORKFLOW } from '@/utils/workflow.fixture'
import { doneMessage } from './actions'
import { homeTasks, staffQueues, unitQueues } from './schema'
import { FULL_WORKFLOW } from './workflow.full.fixture'

function lookup(tree: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((n, p) => (n && typeof n === 'object' ? (n as Record<string, unknown>)[p] : undefined), tree)
}
const stateOf = (queues: { key: string; query: Record<string, unknown> }[], key: string) => queues.find((q) => q.key === key)?.query.state

describe('workbench queues from the workflow', () => {
  it('list the states in which staff may take each queue’s action (as the hand-written lists did)', () => {
    const q = staffQueues(FULL_WORKFLOW)
    expect(q.map((x) => x.key)).toEqual(['review', 'assign', 'returns', 'replies', 'overdue', 'faceToFace'])
    expect(stateOf(q, 'review')).toBe('submitted')
    expect(stateOf(q, 'assign')).toBe('filed')
    expect(stateOf(q, 'returns')).toBe('assigned,in_handling')
    expect(q.find((x) => x.key === 'returns')?.query.return_requested).toBe(true)
    expect(stateOf(q, 'replies')).toBe('reply_cppcc_review')
    expect(q.find((x) => x.key === 'assign')?.batch).toBe(true)
  })

  it('list the states in which a unit signs, replies, approves, and what it has answered', () => {
    const q = unitQueues(FULL_WORKFLOW)
    expect(q.map((x) => x.key)).toEqual(['sign', 'handling', 'approval', 'overdue', 'done'])
    expect(stateOf(q, 'sign')).toBe('assigned')
    expect(stateOf(q, 'handling')).toBe('in_handling,second_handling')
    expect(stateOf(q, 'approval')).toBe('reply_unit_review')
    expect(stateOf(q, 'done')).toBe('reply_cppcc_review,replied,feedback_received,closed')
    expect(unitDoneStates(null)).toEqual([])
  })

  it('never list every state before the workflow is known', () => {
    for (const q of [...staffQueues(null), ...unitQueues(undefined), ...staffQueues(WORKFLOW)]) expect(q.query.state).toBeUndefined()
    expect(statesAllowing(FULL_WORKFLOW, 'sign', ['lead_unit_staff'])).toEqual(['assigned', 'in_handling'])
    expect(statesAllowing(FULL_WORKFLOW, 'sign', ['lead_unit_staff'], true)).toEqual(['assigned'])
  })
})

describe('home tasks', () => {
  it('count invitations to co-sign for members, first', () => {
    const member = homeTasks(['member'], FULL_WORKFLOW)
    expect(member.map((x) => x.key)).toEqual(['mine-cosign', 'mine-drafts', 'mine-feedback', 'mine-handling'])
    expect(member[0].query).toEqual({ cosign: 'pending' })
    expect(member[0].to).toBe('/proposals/cosign')
    expect(member[2].query.state).toBe('replied')
    expect(homeTasks(['group_contact'], FULL_WORKFLOW).some((x) => x.key === 'mine-cosign')).toBe(false)
    expect(homeTasks(['unit_staff'], FULL_WORKFLOW).map((x) => x.query.state ?? x.query)).toEqual(['assigned', 'in_handling,second_handling', { overdue: true }])
    for (const key of ['proposal.home.cosign', 'proposal.home.cosignList', 'proposal.home.cosignBy']) {
      expect(typeof lookup(zhCN, key), key).toBe('string')
      expect(typeof lookup(en, key), key).toBe('string')
    }
  })
})

describe('words', () => {
  it('say 工作日 for overdue working days and 天 for calendar days', () => {
    const working = countdown('2026-05-01', { workingDaysLeft: -156, overdue: true })!
    expect(countdownKey(working, true)).toBe('proposal.overdueByWorkingDays')
    expect(lookup(zhCN, 'proposal.overdueByWorkingDays')).toBe('已超期 {n} 个工作日')
    const calendar = countdown('2026-01-29', { today: '2026-02-01' })!
    expect(countdownKey(calendar, false)).toBe('proposal.overdueBy')
    expect(countdownKey(countdown('2026-05-01', { workingDaysLeft: 3 })!, true)).toBe('proposal.workingDaysLeft')
  })

  it('tell what was done, per action, in both languages', () => {
    const actions = FULL_WORKFLOW.transitions.map((x) => x.action)
    const keys = new Set<string>(['proposal.done.arrange_face_to_face', 'proposal.done.record_face_to_face'])
    for (const a of actions) keys.add(doneMessage(a, {}))
    keys.add(doneMessage('cosign', { accept: false }))
    keys.add(doneMessage('grant_extension', { approve: false }))
    keys.add(doneMessage('mark_key', { key: false }))
    for (const key of keys) {
      expect(typeof lookup(zhCN, key), key).toBe('string')
      expect(typeof lookup(en, key), key).toBe('string')
      expect(String(lookup(zhCN, key))).not.toMatch(/已完成/)
    }
    expect(lookup(zhCN, doneMessage('feedback'))).toBe('已提交反馈意见')
    expect(lookup(zhCN, doneMessage('sign'))).toBe('已签收')
    expect(lookup(zhCN, doneMessage('submit_reply'))).toBe('答复已提交审核')
    expect(lookup(zhCN, doneMessage('cosign', { accept: true }))).toBe('已同意联名')
  })

  it('write the number and its session once', () => {
    expect(numberWithSession('十四届四次会议 第0112号', '十四届四次会议')).toBe('十四届四次会议 第0112号')
    expect(numberWithSession(null, '十四届四次会议')).toBe('十四届四次会议')
    expect(numberWithSession('第0112号', '十四届四次会议')).toBe('十四届四次会议 第0112号')
  })

  it('tell namesakes in the co-signer picker apart', () => {
    const tail = (x: string) => `尾号${x}`
    const choices = memberChoices(
      [
        { id: 1, name: '李军', sector_name: '民革', employer: '区人民医院', mobile_tail: '0012' },
        { id: 2, name: '李军', sector_name: '民革', employer: '区第一中学', mobile_tail: '0034' },
        { id: 3, name: '王敏', sector_name: '民盟', employer: '区图书馆' },
      ],
      tail,
    )
    expect(choices[0].label).toBe('李军（民革） 区人民医院 · 尾号0012')
    expect(choices[1].label).toBe('李军（民革） 区第一中学 · 尾号0034')
    expect(choices[2]).toEqual({ id: 3, label: '王敏（民盟）', detail: '区图书馆' })
  })
})

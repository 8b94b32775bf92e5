import { describe, expect, it } from 'vitest'
import zhCN from '@/locales/zh-CN'
import en from '@/locales/en'
import type { ProposalAction, ProposalDetail } from '@/api/proposals'
import { ACTION_FORMS, buildPayload, formOf, initialValues, problems } from './actions'
import { actionText, payloadParts } from './history'

function lookup(tree: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((n, p) => (n && typeof n === 'object' ? (n as Record<string, unknown>)[p] : undefined), tree)
}
const has = (key: string) => typeof lookup(zhCN, key) === 'string'
const t = (key: string, named?: Record<string, unknown>) => {
  const text = String(lookup(zhCN, key) ?? key)
  return named ? text.replace(/\{(\w+)\}/g, (_, k) => String(named[k])) : text
}

// The server's actions (GET /proposals/workflow lists the same 25).
const SERVER_ACTIONS: ProposalAction[] = [
  'submit', 'withdraw', 'cosign', 'file', 'decline', 'return_for_revision', 'merge', 'assign', 'sign', 'request_return', 'reassign',
  'refuse_return', 'record_consultation', 'send_opinion', 'submit_reply', 'approve_reply', 'reject_reply', 'pass_reply',
  'send_back_reply', 'request_extension', 'grant_extension', 'feedback', 'close', 'publish', 'mark_key',
]

const detail = {
  is_key: false,
  key_leader_ids: [],
  key_special_committee_id: null,
  extensions: [{ id: 7, reason: '跨年度预算', requested_due: '2026-08-01', state: 'requested' }],
  assignments: [
    { id: 3, unit_id: 1, unit_name: '区发展和改革局', role: 'lead', state: 'signed' },
    { id: 4, unit_id: 2, unit_name: '区民政局', role: 'co', state: 'return_requested', return_reason: '不属本局职责' },
  ],
} as unknown as ProposalDetail

describe('action forms', () => {
  it('exist for every server action, with labels, choices and texts in both languages', () => {
    expect(Object.keys(ACTION_FORMS).sort()).toEqual([...SERVER_ACTIONS].sort())
    for (const action of SERVER_ACTIONS) {
      const keys = [`enums.proposalAction.${action}`]
      const form = ACTION_FORMS[action]
      if (form.intro) keys.push(form.intro)
      for (const f of form.fields) {
        keys.push(f.label)
        if (f.hint) keys.push(f.hint)
        for (const v of f.values ?? []) keys.push(`enums.${f.enumName}.${v}`)
      }
      for (const key of keys) {
        expect(typeof lookup(zhCN, key), `${action}: ${key}`).toBe('string')
        expect(typeof lookup(en, key), `${action}: ${key}`).toBe('string')
      }
    }
  })

  it('ask for the required fields and the assignment rule', () => {
    expect(problems('return_for_revision', initialValues('return_for_revision'))).toEqual({ comment: 'validation.required' })
    expect(problems('approve_reply', initialValues('approve_reply'))).toEqual({})
    expect(Object.keys(problems('feedback', initialValues('feedback'))).sort()).toEqual(['answers_proposal', 'attitude', 'consulted', 'rating'])
    expect(problems('assign', initialValues('assign'))).toEqual({ assign: 'proposal.assign.noUnits' })
    expect(problems('assign', { handling_type: 'single', units: [{ unit_id: 1, role: 'lead' }] })).toEqual({})
    expect(problems('mark_key', { key: false })).toEqual({})
    expect(problems('submit', {})).toEqual({})
  })

  it('build the payloads the server expects', () => {
    expect(buildPayload('cosign', { accept: 'accept' })).toEqual({ accept: true })
    expect(buildPayload('cosign', { accept: 'decline' })).toEqual({ accept: false })
    expect(buildPayload('decline', { reason: '没有具体建议的', conversion: 'opinion', comment: '  ' })).toEqual({ reason: '没有具体建议的', conversion: 'opinion' })
    expect(buildPayload('assign', { handling_type: 'lead_co', units: [{ unit_id: 1, role: 'lead' }, { unit_id: null, role: 'co' }, { unit_id: 2, role: 'co' }] })).toEqual({
      handling_type: 'lead_co',
      units: [{ unit_id: 1, role: 'lead' }, { unit_id: 2, role: 'co' }],
    })
    expect(buildPayload('record_consultation', { method: 'phone', held_on: '2026-01-20', people: '', content: ' 电话沟通 ' })).toEqual({ method: 'phone', held_on: '2026-01-20', content: '电话沟通' })
    expect(buildPayload('grant_extension', { extension_id: 7, approve: 'refuse' })).toEqual({ extension_id: 7, approve: false })
    expect(buildPayload('feedback', { rating: 'unsatisfied', consulted: 'none', attitude: 'poor', answers_proposal: 'no', comment: '' })).toEqual({
      rating: 'unsatisfied',
      consulted: 'none',
      attitude: 'poor',
      answers_proposal: 'no',
    })
    expect(buildPayload('mark_key', { key: true, leader_ids: [9], special_committee_id: 2 })).toEqual({ key: true, leader_ids: [9], special_committee_id: 2 })
    expect(buildPayload('mark_key', { key: false, leader_ids: [9], special_committee_id: 2 })).toEqual({ key: false, leader_ids: [], special_committee_id: null })
    expect(buildPayload('file', {})).toEqual({})
  })

  it('start from what the proposal already says', () => {
    expect(initialValues('grant_extension', detail).extension_id).toBe(7)
    expect(initialValues('reassign', detail).assignment_id).toBe(4)
    expect(initialValues('mark_key', detail).key).toBe(true)
    expect(initialValues('decline').conversion).toBe('none')
    expect(formOf('fly')).toEqual({ fields: [] })
  })
})

describe('timeline', () => {
  it('says what each step carried, in words', () => {
    const parts = payloadParts(
      { payload: { handling_type: 'lead_co', units: [{ unit_id: 1, role: 'lead' }, { unit_id: 2, role: 'co' }], reply_due: '2026-04-01' } },
      t,
      has,
      (id) => (id === 1 ? '区发展和改革局' : '区民政局'),
    )
    expect(parts).toEqual(['办理方式：主办+协办', '承办单位：区发展和改革局（主办）、区民政局（协办）', '答复期限：2026-04-01'])
    expect(payloadParts({ payload: { rating: 'unsatisfied', unit_id: 1 } }, t, has, () => '区发改局')).toEqual(['单位：区发改局', '评价：不满意'])
    expect(payloadParts({ payload: { accept: false } }, t, has)).toEqual(['同意：否'])
    expect(payloadParts({ payload: null }, t, has)).toEqual([])
    expect(actionText('create', t, has)).toBe('创建草稿')
    expect(actionText('teleport', t, has)).toBe('teleport')
  })
})

describe('home tasks and drafts', () => {
  it('give each role its counts, with keys in both languages', async () => {
    const { homeTasks } = await import('./schema')
    const { WORKFLOW } = await import('@/utils/workflow.fixture')
    const { FULL_WORKFLOW } = await import('./workflow.full.fixture')
    expect(homeTasks(['member'], WORKFLOW).map((x) => x.key)).toEqual(['mine-cosign', 'mine-drafts', 'mine-feedback', 'mine-handling'])
    expect(homeTasks(['proposal_staff'], FULL_WORKFLOW).map((x) => x.key)).toEqual(['staff-review', 'staff-assign', 'staff-replies', 'staff-overdue', 'staff-faceToFace'])
    expect(homeTasks(['unit_leader'], FULL_WORKFLOW)[0].key).toBe('unit-approval')
    expect(homeTasks(['leader'], WORKFLOW).map((x) => x.to)).toEqual(['/proposals/key'])
    expect(homeTasks(['admin', 'leader'], WORKFLOW).some((x) => x.key === 'key')).toBe(false)
    const member = homeTasks(['member'], WORKFLOW).filter((x) => x.key !== 'mine-cosign')
    expect(member[0].query.state).toBe('draft,returned')
    expect(member[2].query.state).toBe(WORKFLOW.states.filter((s) => s.phase === 'handling').map((s) => s.name).join(','))
    for (const task of homeTasks(['proposal_staff', 'unit_leader', 'member', 'leader'], FULL_WORKFLOW)) {
      expect(typeof lookup(zhCN, task.title), task.title).toBe('string')
      expect(typeof lookup(en, task.title), task.title).toBe('string')
    }
  })

  it('send the group only with collective proposals and co-signers only with joint ones', async () => {
    const { emptyProposal, prepareProposal } = await import('./schema')
    const base = { ...emptyProposal(), title: ' 关于建设口袋公园的建议 ', group_type: 'party' as const, group_id: 3, cosigner_member_ids: [5] }
    const individual = prepareProposal(base)
    expect(individual.title).toBe('关于建设口袋公园的建议')
    expect('group_type' in individual).toBe(false)
    expect('group_id' in individual).toBe(false)
    expect(individual.cosigner_member_ids).toEqual([])
    const collective = prepareProposal({ ...base, kind: 'collective' })
    expect(collective.group_type).toBe('party')
    expect(collective.group_id).toBe(3)
    expect(prepareProposal({ ...base, kind: 'joint' }).cosigner_member_ids).toEqual([5])
    expect(prepareProposal({ ...base, consent_publish: true, consent_reason: '涉及个人隐私' }).consent_reason).toBe('')
  })
})

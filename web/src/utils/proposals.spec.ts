import { describe, expect, it, vi } from 'vitest'
import zhCN from '@/locales/zh-CN'
import en from '@/locales/en'
import { PROPOSAL_CATEGORIES } from '@/api/proposals'
import {
  assignProblem,
  categoryKey,
  countdown,
  daysBetween,
  editableStates,
  handlingStates,
  MEMBER_TABS,
  memberTabOf,
  memberTabStates,
  runBatch,
  splitKeywords,
  stateTagType,
  titleProblem,
  todayIso,
  unitsFor,
} from './proposals'
import { WORKFLOW } from './workflow.fixture'

function has(tree: unknown, key: string): boolean {
  return typeof key.split('.').reduce<unknown>((n, p) => (n && typeof n === 'object' ? (n as Record<string, unknown>)[p] : undefined), tree) === 'string'
}

const ALL_STATES = [
  'draft',
  'awaiting_cosign',
  'submitted',
  'returned',
  'filed',
  'not_filed',
  'merged',
  'assigned',
  'in_handling',
  'reply_unit_review',
  'reply_cppcc_review',
  'replied',
  'feedback_received',
  'second_handling',
  'closed',
] as const

describe('member tabs', () => {
  it("put every state in exactly one tab, by the workflow's phases", () => {
    const tabs = memberTabStates(WORKFLOW)
    expect(Object.keys(tabs)).toEqual([...MEMBER_TABS])
    const listed = Object.values(tabs).flat()
    expect([...listed].sort()).toEqual([...ALL_STATES].sort())
    expect(tabs.drafts).toEqual(['draft', 'returned'])
    expect(memberTabOf('returned', WORKFLOW)).toBe('drafts')
    expect(memberTabOf('second_handling', WORKFLOW)).toBe('handling')
    expect(memberTabOf('feedback_received', WORKFLOW)).toBe('replied')
    expect(memberTabOf('not_filed', WORKFLOW)).toBe('closed')
  })

  it('follow the workflow when it moves a state, and are empty before it is loaded', () => {
    const moved = { ...WORKFLOW, states: WORKFLOW.states.map((s) => (s.name === 'filed' ? { ...s, phase: 'handling' as const } : s)) }
    expect(memberTabOf('filed', moved)).toBe('handling')
    expect(memberTabStates(moved).handling).toContain('filed')
    expect(Object.values(memberTabStates(null)).flat()).toEqual([])
    expect(memberTabOf('filed', null)).toBe('submitted')
  })

  it("take the handling and editable states from the workflow's sets", () => {
    expect(handlingStates(WORKFLOW)).toEqual(WORKFLOW.sets.handling)
    expect(editableStates(WORKFLOW)).toEqual(['draft', 'returned'])
    expect(handlingStates({ ...WORKFLOW, sets: { ...WORKFLOW.sets, handling: ['in_handling'] } })).toEqual(['in_handling'])
    expect(handlingStates(null)).toEqual([])
  })

  it('name every state in both languages and colour it', () => {
    for (const s of ALL_STATES) {
      expect(has(zhCN, `enums.proposalState.${s}`), s).toBe(true)
      expect(has(en, `enums.proposalState.${s}`), s).toBe(true)
      expect(['primary', 'success', 'info', 'warning', 'danger']).toContain(stateTagType(s))
    }
    expect(stateTagType('not_filed')).toBe('danger')
    expect(stateTagType('closed')).toBe('success')
  })
})

describe('countdowns', () => {
  it('counts calendar days from a due date', () => {
    expect(daysBetween('2026-01-30', '2026-02-02')).toBe(3)
    expect(daysBetween('2026-03-01', '2026-02-27T00:00:00Z')).toBe(-2)
    expect(countdown('2026-02-20', { today: '2026-02-01' })).toEqual({ key: 'proposal.daysLeft', n: 19, urgency: 'ok' })
    expect(countdown('2026-02-05', { today: '2026-02-01' })?.urgency).toBe('soon')
    expect(countdown('2026-02-01', { today: '2026-02-01' })).toEqual({ key: 'proposal.dueToday', n: 0, urgency: 'soon' })
    expect(countdown('2026-01-29', { today: '2026-02-01' })).toEqual({ key: 'proposal.overdueBy', n: 3, urgency: 'overdue' })
    expect(countdown(null)).toBeNull()
  })

  it("prefers the server's working days and overdue flag", () => {
    expect(countdown('2026-05-01', { workingDaysLeft: 12, today: '2026-01-01' })).toEqual({ key: 'proposal.workingDaysLeft', n: 12, urgency: 'ok' })
    expect(countdown('2026-05-01', { workingDaysLeft: 3 })?.urgency).toBe('soon')
    expect(countdown('2026-05-01', { workingDaysLeft: 0, overdue: true })).toEqual({ key: 'proposal.overdueBy', n: 1, urgency: 'overdue' })
    expect(countdown('2026-05-01', { workingDaysLeft: -4, overdue: true })?.n).toBe(4)
  })

  it('writes today in local time', () => {
    expect(todayIso(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05')
  })
})

describe('title rule', () => {
  it('wants 关于…的建议 within 50 characters', () => {
    expect(titleProblem('关于加强社区养老服务设施建设的建议')).toBeNull()
    expect(titleProblem('  ')).toBe('proposal.titleRequired')
    expect(titleProblem('加强养老服务')).toBe('proposal.titlePattern')
    expect(titleProblem('关于的建议')).toBe('proposal.titlePattern')
    expect(titleProblem(`关于${'很'.repeat(46)}的建议`)).toBe('proposal.titleTooLong')
    expect(titleProblem(`关于${'很'.repeat(45)}的建议`)).toBeNull()
  })
})

describe('assignment rule', () => {
  it('checks single, lead+co and split handling', () => {
    expect(assignProblem('single', [{ unit_id: 1, role: 'lead' }])).toBeNull()
    expect(assignProblem('single', [{ unit_id: null, role: 'lead' }])).toBe('proposal.assign.noUnits')
    expect(assignProblem('single', [{ unit_id: 1, role: 'lead' }, { unit_id: 2, role: 'lead' }])).toBe('proposal.assign.single')
    expect(assignProblem('lead_co', [{ unit_id: 1, role: 'lead' }, { unit_id: null, role: 'co' }])).toBe('proposal.assign.leadCo')
    expect(assignProblem('lead_co', [{ unit_id: 1, role: 'lead' }, { unit_id: 2, role: 'co' }, { unit_id: 3, role: 'co' }])).toBeNull()
    expect(assignProblem('lead_co', [{ unit_id: 1, role: 'lead' }, { unit_id: 1, role: 'co' }])).toBe('proposal.assign.duplicate')
    expect(assignProblem('split', [{ unit_id: 1, role: 'lead' }])).toBe('proposal.assign.split')
    expect(assignProblem('split', [{ unit_id: 1, role: 'lead' }, { unit_id: 2, role: 'lead' }])).toBeNull()
  })

  it('keeps the chosen units when the handling type changes', () => {
    expect(unitsFor('single')).toEqual([{ unit_id: null, role: 'lead' }])
    const two = [{ unit_id: 4, role: 'lead' as const }, { unit_id: 5, role: 'co' as const }]
    expect(unitsFor('split', two)).toEqual([{ unit_id: 4, role: 'lead' }, { unit_id: 5, role: 'lead' }])
    expect(unitsFor('lead_co', [{ unit_id: 4, role: 'lead' }])).toEqual([{ unit_id: 4, role: 'lead' }, { unit_id: null, role: 'co' }])
    expect(unitsFor('single', two)).toEqual([{ unit_id: 4, role: 'lead' }])
  })
})

describe('runBatch', () => {
  it('runs each item once, in order, and collects the failures', async () => {
    const seen: number[] = []
    const progress = vi.fn()
    const result = await runBatch(
      [1, 2, 3],
      async (n) => {
        seen.push(n)
        if (n === 2) throw new Error('版本已变化')
      },
      progress,
    )
    expect(seen).toEqual([1, 2, 3])
    expect(result.done).toEqual([1, 3])
    expect(result.failed).toEqual([{ item: 2, message: '版本已变化' }])
    expect(progress.mock.calls.map((c) => c[0])).toEqual([1, 2, 3])
  })
})

describe('categories and keywords', () => {
  it('name every category in both languages', () => {
    for (const c of PROPOSAL_CATEGORIES) {
      expect(has(zhCN, categoryKey(c)), c).toBe(true)
      expect(has(en, categoryKey(c)), c).toBe(true)
    }
    expect(categoryKey('城市建设')).toBe('enums.proposalCategory.urban')
    expect(categoryKey('未知')).toBe('enums.proposalCategory.other')
  })

  it('splits keywords on spaces, commas and 、', () => {
    expect(splitKeywords('养老 社区、养老，电梯')).toEqual(['养老', '社区', '电梯'])
    expect(splitKeywords('  ')).toEqual([])
  })
})

describe('attachments', () => {
  it('may be added by the proposer while drafting and by units while handling', async () => {
    const { attachmentPurpose, attachmentProblem, formatSize } = await import('./proposals')
    expect(attachmentPurpose('draft', ['proposer'], WORKFLOW)).toBe('proposal')
    expect(attachmentPurpose('returned', ['proposer'], WORKFLOW)).toBe('proposal')
    expect(attachmentPurpose('submitted', ['proposer'], WORKFLOW)).toBeNull()
    expect(attachmentPurpose('in_handling', ['co_unit_staff'], WORKFLOW)).toBe('reply')
    expect(attachmentPurpose('second_handling', ['lead_unit_staff'], WORKFLOW)).toBe('reply')
    expect(attachmentPurpose('in_handling', ['lead_unit_leader', 'proposal_staff'], WORKFLOW)).toBeNull()
    // the rules are the workflow's: a unit leader allowed there may attach too
    const leaders = { ...WORKFLOW, uploads: [{ purpose: 'reply' as const, actors: ['lead_unit_leader' as const], states: ['in_handling' as const] }] }
    expect(attachmentPurpose('in_handling', ['lead_unit_leader'], leaders)).toBe('reply')
    expect(attachmentPurpose('draft', ['proposer'], null)).toBeNull()
    expect(attachmentProblem({ name: '调研报告.PDF', size: 1000 })).toBeNull()
    expect(attachmentProblem({ name: '照片.jpeg', size: 1000 })).toBeNull()
    expect(attachmentProblem({ name: '数据.xlsx', size: 1000 })).toBe('proposal.files.badType')
    expect(attachmentProblem({ name: 'a.pdf', size: 0 })).toBe('proposal.files.empty')
    expect(attachmentProblem({ name: 'a.pdf', size: 21 * 1024 * 1024 })).toBe('proposal.files.tooLarge')
    expect(formatSize(980)).toBe('980 B')
    expect(formatSize(12_600)).toBe('12.3 KB')
    expect(formatSize(4.5 * 1024 * 1024)).toBe('4.5 MB')
  })
})

describe('follow-up items', () => {
  it('are kept by the lead unit and staff once a B or C reply went out', async () => {
    const { keepsFollowUps } = await import('./proposals')
    expect(keepsFollowUps('B', ['lead_unit_staff'])).toBe(true)
    expect(keepsFollowUps('C', ['proposal_staff'])).toBe(true)
    expect(keepsFollowUps('A', ['proposal_staff'])).toBe(false)
    expect(keepsFollowUps('B', ['proposer', 'co_unit_staff'])).toBe(false)
    expect(keepsFollowUps(null, ['lead_unit_leader'])).toBe(false)
  })
})

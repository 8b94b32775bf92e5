import { describe, expect, it } from 'vitest'
import zhCN from '@/locales/zh-CN'
import en from '@/locales/en'
import type { ProposalDetail } from '@/api/proposals'
import { actionText, payloadParts } from './history'
import { arrangePayload, faceToFaceProblems, faceToFaceStart, faceToFaceTagType, outcomePayload } from './faceToFace'

const meeting = {
  state: 'arranged',
  meeting_date: '2026-03-10',
  place: '区政协三楼会议室',
  attendees: '王敏、何磊',
  note: '',
  outcome: null,
  held_on: null,
  arranged_at: '2026-03-01T02:00:00Z',
  recorded_at: null,
} as const

function lookup(tree: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((n, p) => (n && typeof n === 'object' ? (n as Record<string, unknown>)[p] : undefined), tree)
}

describe('face-to-face consultation forms', () => {
  it('start empty, or from the arrangement being moved or recorded', () => {
    const none = faceToFaceStart({ face_to_face_meeting: null } as Pick<ProposalDetail, 'face_to_face_meeting'>, 'arrange')
    expect(none.meeting_date).toBeNull()
    const moved = faceToFaceStart({ face_to_face_meeting: meeting }, 'arrange')
    expect(moved.place).toBe('区政协三楼会议室')
    expect(moved.held_on).toBeNull()
    expect(faceToFaceStart({ face_to_face_meeting: meeting }, 'record').held_on).toBe('2026-03-10')
  })

  it('need a date not in the past, a place and attendees; an outcome, held no later than today', () => {
    const v = faceToFaceStart({ face_to_face_meeting: null } as Pick<ProposalDetail, 'face_to_face_meeting'>, 'arrange')
    expect(Object.keys(faceToFaceProblems('arrange', v, '2026-03-01')).sort()).toEqual(['attendees', 'meeting_date', 'place'])
    expect(faceToFaceProblems('arrange', { ...v, meeting_date: '2026-02-28', place: 'x', attendees: 'y' }, '2026-03-01')).toEqual({ meeting_date: 'faceToFace.problem.past' })
    expect(faceToFaceProblems('arrange', { ...v, meeting_date: '2026-03-01', place: 'x', attendees: 'y' }, '2026-03-01')).toEqual({})
    expect(faceToFaceProblems('record', { ...v, outcome: ' ' }, '2026-03-01')).toEqual({ outcome: 'validation.required' })
    expect(faceToFaceProblems('record', { ...v, outcome: '达成共识', held_on: '2026-03-02' }, '2026-03-01')).toEqual({ held_on: 'faceToFace.problem.future' })
    for (const key of ['faceToFace.problem.past', 'faceToFace.problem.future']) {
      expect(typeof lookup(zhCN, key)).toBe('string')
      expect(typeof lookup(en, key)).toBe('string')
    }
  })

  it('send trimmed text, leaving out empty optional fields', () => {
    const v = { meeting_date: '2026-03-10', place: ' 会议室 ', attendees: ' 王敏 ', note: ' ', outcome: ' 达成共识 ', held_on: null }
    expect(arrangePayload(v)).toEqual({ meeting_date: '2026-03-10', place: '会议室', attendees: '王敏' })
    expect(arrangePayload({ ...v, note: '带材料' }).note).toBe('带材料')
    expect(outcomePayload(v)).toEqual({ outcome: '达成共识' })
    expect(outcomePayload({ ...v, held_on: '2026-03-09' })).toEqual({ outcome: '达成共识', held_on: '2026-03-09' })
  })

  it('colour the flag by how far it got', () => {
    expect(faceToFaceTagType('needed')).toBe('warning')
    expect(faceToFaceTagType('arranged')).toBe('primary')
    expect(faceToFaceTagType('done')).toBe('success')
  })

  it('show on the timeline in words', () => {
    const t = (key: string, named?: Record<string, unknown>) => {
      const text = String(lookup(zhCN, key) ?? key)
      return named ? text.replace(/\{(\w+)\}/g, (_, k) => String(named[k])) : text
    }
    const has = (key: string) => typeof lookup(zhCN, key) === 'string'
    expect(actionText('arrange_face_to_face', t, has)).toBe('安排当面协商')
    expect(actionText('record_face_to_face', t, has)).toBe('记录当面协商结果')
    const parts = payloadParts({ payload: { meeting_date: '2026-03-10', place: '区政协三楼会议室', attendees: '王敏', outcome: '达成共识' } }, t, has)
    expect(parts).toEqual(['协商日期：2026-03-10', '地点：区政协三楼会议室', '参加人员：王敏', '协商结果：达成共识'])
  })
})

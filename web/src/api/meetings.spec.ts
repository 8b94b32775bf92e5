import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from './client'
import { inviteeStatus, replyToMeeting, signIn, signInAddress, toUtc } from './meetings'

function answer(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

describe('meetings api', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('sends a reply, with the reason only for leave', async () => {
    const fetch = vi.fn(async () => answer(200, { id: 3 }))
    vi.stubGlobal('fetch', fetch)
    await replyToMeeting(3, 'attend', 'ignored')
    await replyToMeeting(3, 'leave', '出差')
    const calls = fetch.mock.calls as unknown as [string, RequestInit][]
    expect(calls[0][0]).toBe('/api/v1/meetings/3/reply')
    expect(calls[0][1].method).toBe('PUT')
    expect(JSON.parse(calls[0][1].body as string)).toEqual({ reply: 'attend' })
    expect(JSON.parse(calls[1][1].body as string)).toEqual({ reply: 'leave', reason: '出差' })
  })

  it('passes a refused sign-in on with its Chinese reason and code', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => answer(409, { error: { code: 'conflict', message: '签到码已过期，请重新扫描', reason: 'sign_in_expired' } })))
    const err = await signIn(4, '4.1.0123456789').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect((err as ApiError).message).toBe('签到码已过期，请重新扫描')
    expect((err as ApiError).details.reason).toBe('sign_in_expired')
  })

  it('writes times in the stored UTC form and the sign-in address the QR code holds', () => {
    expect(toUtc(new Date(Date.UTC(2026, 11, 8, 1, 30, 15, 250)))).toBe('2026-12-08T01:30:15Z')
    expect(signInAddress('https://sl.example.cn/', { url: '/meetings/5/sign-in?t=5.1.abc' })).toBe('https://sl.example.cn/meetings/5/sign-in?t=5.1.abc')
  })

  it('sums reply, leave and attendance into one status', () => {
    expect(inviteeStatus({ reply: 'none', leave_state: null, attendance: 'none' })).toBe('no_reply')
    expect(inviteeStatus({ reply: 'attend', leave_state: null, attendance: 'none' })).toBe('attending')
    expect(inviteeStatus({ reply: 'leave', leave_state: 'pending', attendance: 'none' })).toBe('leave_pending')
    expect(inviteeStatus({ reply: 'leave', leave_state: 'approved', attendance: 'none' })).toBe('on_leave')
    expect(inviteeStatus({ reply: 'leave', leave_state: 'rejected', attendance: 'none' })).toBe('leave_rejected')
    expect(inviteeStatus({ reply: 'leave', leave_state: 'approved', attendance: 'present' })).toBe('present')
    expect(inviteeStatus({ reply: 'attend', leave_state: null, attendance: 'absent' })).toBe('absent')
  })
})

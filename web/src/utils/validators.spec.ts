import { describe, expect, it } from 'vitest'
import { isDateRangeInverted, isIsoDate, isMobile, isSmsCode, isStrongPassword } from './validators'

describe('validators', () => {
  it('accepts 11-digit mainland mobiles only', () => {
    expect(isMobile('13900000001')).toBe(true)
    expect(isMobile(' 13900000001 ')).toBe(true)
    expect(isMobile('1390000000')).toBe(false)
    expect(isMobile('23900000001')).toBe(false)
    expect(isMobile('1390000000a')).toBe(false)
  })

  it('applies the password rule: 8–64 chars with letters and digits', () => {
    expect(isStrongPassword('abcd1234')).toBe(true)
    expect(isStrongPassword('abc1234')).toBe(false)
    expect(isStrongPassword('abcdefgh')).toBe(false)
    expect(isStrongPassword('12345678')).toBe(false)
    expect(isStrongPassword('a1'.repeat(32))).toBe(true)
    expect(isStrongPassword('a1'.repeat(32) + 'x')).toBe(false)
  })

  it('checks SMS codes and dates', () => {
    expect(isSmsCode('123456')).toBe(true)
    expect(isSmsCode('12345')).toBe(false)
    expect(isIsoDate('2024-02-29')).toBe(true)
    expect(isIsoDate('2023-02-29')).toBe(false)
    expect(isIsoDate('2024-2-1')).toBe(false)
    expect(isDateRangeInverted('2024-03-01', '2024-01-01')).toBe(true)
    expect(isDateRangeInverted('2024-01-01', '2024-03-01')).toBe(false)
    expect(isDateRangeInverted('', '2024-03-01')).toBe(false)
  })
})

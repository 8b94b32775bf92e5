import { describe, expect, it } from 'vitest'
import { formatDateTime } from './format'

describe('formatDateTime', () => {
  it('shows an instant in local time without the T and zone', () => {
    const d = new Date(2026, 10, 29, 9, 5, 7)
    expect(formatDateTime(d.toISOString())).toBe('2026-11-29 09:05:07')
  })

  it('leaves text that is not a date alone and marks empty values', () => {
    expect(formatDateTime('yesterday')).toBe('yesterday')
    expect(formatDateTime(null)).toBe('—')
    expect(formatDateTime('')).toBe('—')
  })
})

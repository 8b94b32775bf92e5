import { describe, expect, it } from 'vitest'
import { diffRecords, formatValue } from './diff'

describe('audit diff', () => {
  it('lists changed, added and removed fields before unchanged ones', () => {
    const rows = diffRecords({ name: '甲', mobile: '1', sort: 1, gone: true }, { name: '乙', mobile: '1', sort: 1, extra: [1] }, true)
    expect(rows.map((r) => [r.field, r.kind])).toEqual([
      ['name', 'changed'],
      ['gone', 'removed'],
      ['extra', 'added'],
      ['mobile', 'same'],
      ['sort', 'same'],
    ])
  })

  it('hides unchanged fields by default and handles creation and deletion', () => {
    expect(diffRecords({ a: 1 }, { a: 1 })).toEqual([])
    expect(diffRecords(null, { a: 1 })).toEqual([{ field: 'a', before: undefined, after: 1, kind: 'added' }])
    expect(diffRecords({ a: 1 }, null)).toEqual([{ field: 'a', before: 1, after: undefined, kind: 'removed' }])
    expect(diffRecords(null, null)).toEqual([])
  })

  it('compares nested values by content', () => {
    expect(diffRecords({ ids: [1, 2] }, { ids: [1, 2] })).toEqual([])
    expect(diffRecords({ ids: [1, 2] }, { ids: [2, 1] })[0].kind).toBe('changed')
  })

  it('formats values for one line', () => {
    expect(formatValue(null)).toBe('—')
    expect(formatValue(undefined)).toBe('—')
    expect(formatValue('文本')).toBe('文本')
    expect(formatValue(false)).toBe('false')
    expect(formatValue({ a: 1 })).toBe('{"a":1}')
  })
})

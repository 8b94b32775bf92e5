import { describe, expect, it } from 'vitest'
import type { ImportField } from '@/api/types'
import { headerOptions, initialMapping, mappingPayload, mappingProblems } from './importMapping'

const fields: ImportField[] = [
  { field: 'number', label: '提案号', required: true },
  { field: 'title', label: '标题', required: true },
  { field: 'body', label: '提案内容', required: false },
  { field: 'reply', label: '答复内容', required: false },
]
const headers = ['编号', '案由', '正文', '办理答复']

describe('import column mapping', () => {
  it('starts from the suggestion, ignoring headers the file does not have', () => {
    const form = initialMapping(fields, { number: '编号', title: '案由', body: '不存在', reply: null }, headers)
    expect(form).toEqual({ number: '编号', title: '案由', body: '', reply: '' })
    expect(initialMapping(fields, undefined, headers)).toEqual({ number: '', title: '', body: '', reply: '' })
  })

  it('names required fields left unmapped and columns used twice', () => {
    expect(mappingProblems(fields, { number: '编号', title: '', body: '正文', reply: '正文' })).toEqual({ missing: ['标题'], duplicates: ['正文'] })
    expect(mappingProblems(fields, { number: '编号', title: '案由', body: '', reply: '' })).toEqual({ missing: [], duplicates: [] })
  })

  it('sends every field, null for those not taken from the file', () => {
    expect(mappingPayload({ number: '编号', title: '案由', body: '', reply: '办理答复' })).toEqual({ number: '编号', title: '案由', body: null, reply: '办理答复' })
  })

  it('offers every header and disables those another field took', () => {
    const form = { number: '编号', title: '', body: '正文', reply: '' }
    expect(headerOptions(headers, form, 'title')).toEqual([
      { value: '编号', disabled: true },
      { value: '案由', disabled: false },
      { value: '正文', disabled: true },
      { value: '办理答复', disabled: false },
    ])
    expect(headerOptions(headers, form, 'body').find((o) => o.value === '正文')?.disabled).toBe(false)
  })
})

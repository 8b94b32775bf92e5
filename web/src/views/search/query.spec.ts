import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  apiQuery,
  debounce,
  facetOptions,
  mergeTargets,
  newQuery,
  percent,
  plainHighlight,
  queryProblem,
  routeFromState,
  sameInput,
  sanitizeHighlight,
  similarInput,
  stateFromRoute,
  typeTabs,
  withFilter,
} from './query'
import { applySuggestion, chosen } from './units'

describe('search state in the address bar', () => {
  it('reads a full query and ignores malformed values', () => {
    expect(stateFromRoute({ q: ' 养老 ', type: 'reply', session: '3', category: '社会事业', state: 'closed', page: '2' })).toEqual({
      q: '养老',
      type: 'reply',
      session: 3,
      category: '社会事业',
      state: 'closed',
      page: 2,
    })
    expect(stateFromRoute({ q: ['a', 'b'], type: 'user', session: 'x', page: '-1' })).toEqual({ q: 'a', type: '', session: null, category: '', state: '', page: 1 })
    expect(stateFromRoute({})).toEqual(newQuery(''))
  })

  it('writes back only what is set, and round-trips', () => {
    expect(routeFromState(newQuery('养老'))).toEqual({ q: '养老' })
    const s = { q: '5G基站', type: 'proposal' as const, session: 7, category: '城市建设', state: 'filed', page: 3 }
    expect(routeFromState(s)).toEqual({ q: '5G基站', type: 'proposal', session: '7', category: '城市建设', state: 'filed', page: '3' })
    expect(stateFromRoute(routeFromState(s) as Record<string, string>)).toEqual(s)
  })

  it('builds the API query with the filters and paging', () => {
    expect(apiQuery(newQuery('养老'))).toEqual({ q: '养老', page: 1, page_size: 20 })
    expect(apiQuery({ q: '"养老服务" -医院', type: 'reply', session: 2, category: '社会事业', state: '', page: 4 }, 10)).toEqual({
      q: '"养老服务" -医院',
      type: 'reply',
      session: 2,
      category: '社会事业',
      page: 4,
      page_size: 10,
    })
  })

  it('goes back to page 1 when a filter changes and forgets filters on a new query', () => {
    const s = { q: '养老', type: 'proposal' as const, session: 2, category: '', state: '', page: 5 }
    expect(withFilter(s, { category: '社会事业' })).toEqual({ ...s, category: '社会事业', page: 1 })
    expect(withFilter(s, { session: null }).session).toBeNull()
    expect(newQuery('  医保 ')).toEqual({ q: '医保', type: '', session: null, category: '', state: '', page: 1 })
  })

  it('refuses empty and overlong queries like the server', () => {
    expect(queryProblem('   ')).toBe('search.error.empty')
    expect(queryProblem('养'.repeat(101))).toBe('search.error.tooLong')
    expect(queryProblem('养'.repeat(100))).toBeNull()
    expect(queryProblem('🙂'.repeat(100))).toBeNull()
  })
})

describe('facets', () => {
  it('makes the type tabs with counts, zero for missing types', () => {
    expect(typeTabs({ type: [{ value: 'proposal', count: 12 }] })).toEqual([
      { value: '', count: 12 },
      { value: 'proposal', count: 12 },
      { value: 'reply', count: 0 },
    ])
    expect(typeTabs({ type: [{ value: 'reply', count: 3 }, { value: 'proposal', count: 5 }] }).map((t) => t.count)).toEqual([8, 5, 3])
    expect(typeTabs(null).map((t) => t.count)).toEqual([0, 0, 0])
  })

  it('keeps the selected facet value even when it has no results now', () => {
    const list = [{ value: '社会事业', count: 4 }]
    expect(facetOptions(list, '社会事业')).toEqual(list)
    expect(facetOptions(list, '城市建设')).toEqual([{ value: '城市建设', count: 0 }, ...list])
    expect(facetOptions(undefined, '')).toEqual([])
  })
})

describe('highlighted HTML', () => {
  it('keeps <mark> and escapes every other tag', () => {
    expect(sanitizeHighlight('发展<mark>养老</mark>服务 &lt;b&gt;')).toBe('发展<mark>养老</mark>服务 &lt;b&gt;')
    expect(sanitizeHighlight('<img src=x onerror=alert(1)><mark>a</mark></MARK>')).toBe('&lt;img src=x onerror=alert(1)><mark>a</mark></MARK>')
    expect(sanitizeHighlight('<script>x</script>')).toBe('&lt;script>x&lt;/script>')
    expect(sanitizeHighlight(null)).toBe('')
  })

  it('turns it back into plain text', () => {
    expect(plainHighlight('关于<mark>养老</mark>服务 &lt;A&amp;B&gt;')).toBe('关于养老服务 <A&B>')
  })
})

describe('similar proposals while writing', () => {
  it('sends the title and the sections joined, with the proposal being edited left out', () => {
    expect(similarInput({ title: ' 关于发展养老服务的建议 ', situation: '现状', analysis: '', suggestions: '建议 ' }, 9)).toEqual({
      title: '关于发展养老服务的建议',
      body: '现状\n建议',
      exclude_id: 9,
    })
    expect(similarInput({ title: '关于养老', situation: '' })).toEqual({ title: '关于养老', body: '' })
  })

  it('asks nothing below four characters', () => {
    expect(similarInput({ title: '养老', situation: ' ' })).toBeNull()
    expect(similarInput({ title: '养', situation: '老服务' })).not.toBeNull()
  })

  it('recognises an unchanged request', () => {
    const a = similarInput({ title: '关于养老的建议' }, 3)
    expect(sameInput(a, similarInput({ title: '关于养老的建议 ' }, 3))).toBe(true)
    expect(sameInput(a, similarInput({ title: '关于养老的建议' }))).toBe(false)
    expect(sameInput(a, null)).toBe(false)
  })

  it('shows scores as whole percentages', () => {
    expect(percent(0.834)).toBe('83%')
    expect(percent(1.2)).toBe('100%')
    expect(percent(null)).toBe('')
    expect(percent(undefined)).toBe('')
  })
})

describe('debounce', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('calls once with the last arguments after the quiet time', () => {
    const fn = vi.fn()
    const d = debounce(fn, 800)
    d('a')
    vi.advanceTimersByTime(500)
    d('b')
    vi.advanceTimersByTime(799)
    expect(fn).not.toHaveBeenCalled()
    expect(d.pending()).toBe(true)
    vi.advanceTimersByTime(1)
    expect(fn).toHaveBeenCalledTimes(1)
    expect(fn).toHaveBeenCalledWith('b')
    expect(d.pending()).toBe(false)
  })

  it('flushes a pending call now and cancels one', () => {
    const fn = vi.fn()
    const d = debounce(fn, 800)
    d(1)
    d.flush()
    expect(fn).toHaveBeenCalledWith(1)
    d.flush()
    expect(fn).toHaveBeenCalledTimes(1)
    d(2)
    d.cancel()
    vi.advanceTimersByTime(1000)
    expect(fn).toHaveBeenCalledTimes(1)
  })
})

describe('merge and unit suggestions', () => {
  it('merges every other proposal into the chosen lead', () => {
    const ps = [{ id: 1 }, { id: 2 }, { id: 3 }]
    expect(mergeTargets(ps, 2).map((p) => p.id)).toEqual([1, 3])
  })

  it('makes a suggested lead unit the lead, moving it out of the co-units', () => {
    expect(applySuggestion({ type: 'single', rows: [{ unit_id: null, role: 'lead' }] }, 5, 'lead')).toEqual({ type: 'single', rows: [{ unit_id: 5, role: 'lead' }] })
    expect(
      applySuggestion(
        {
          type: 'lead_co',
          rows: [
            { unit_id: 1, role: 'lead' },
            { unit_id: 5, role: 'co' },
            { unit_id: 6, role: 'co' },
          ],
        },
        5,
        'lead',
      ),
    ).toEqual({
      type: 'lead_co',
      rows: [
        { unit_id: 5, role: 'lead' },
        { unit_id: 6, role: 'co' },
      ],
    })
  })

  it('adds a suggested co-unit, turning 单办 into 主办+协办, and never twice', () => {
    const single = { type: 'single' as const, rows: [{ unit_id: 1, role: 'lead' as const }] }
    const got = applySuggestion(single, 7, 'co')
    expect(got).toEqual({
      type: 'lead_co',
      rows: [
        { unit_id: 1, role: 'lead' },
        { unit_id: 7, role: 'co' },
      ],
    })
    expect(applySuggestion(got, 7, 'co')).toBe(got)
    expect(applySuggestion(got, 8, 'co').rows.map((r) => r.unit_id)).toEqual([1, 7, 8])
    expect(chosen(got.rows, 7)).toBe(true)
  })

  it('adds any suggestion as one more lead under 分办', () => {
    const split = {
      type: 'split' as const,
      rows: [
        { unit_id: 1, role: 'lead' as const },
        { unit_id: null, role: 'lead' as const },
      ],
    }
    expect(applySuggestion(split, 4, 'co').rows).toEqual([
      { unit_id: 1, role: 'lead' },
      { unit_id: 4, role: 'lead' },
    ])
    expect(applySuggestion(split, 1, 'lead')).toBe(split)
  })
})

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ALL_PAGE_SIZE, ApiError, buildQuery, configureClient, download, request, requestAll, requestPage } from './client'

/** The ApiError a request fails with (fails the test if it succeeds). */
async function failure(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p
  } catch (e) {
    return e as ApiError
  }
  throw new Error('the request succeeded')
}

function answer(status: number, body: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

describe('request client', () => {
  const hooks = {
    csrfToken: vi.fn(() => 'tok-1'),
    notifyError: vi.fn(),
    onUnauthorized: vi.fn(),
    onPasswordChangeRequired: vi.fn(),
    fallbackMessage: (kind: string) => `fallback-${kind}`,
  }
  const fetchMock = vi.fn()

  beforeEach(() => {
    configureClient(hooks)
    vi.stubGlobal('fetch', fetchMock)
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    vi.clearAllMocks()
  })

  it('leaves empty values out of the query', () => {
    expect(buildQuery({ q: '', page: 2, sector_id: undefined, is_standing: false, party_id: null })).toBe('?page=2&is_standing=false')
    expect(buildQuery({})).toBe('')
  })

  it('sends the CSRF token on writes only', async () => {
    fetchMock.mockImplementation(async () => answer(200, { ok: true }))
    await request('/things')
    await request('/things', { method: 'POST', body: { a: 1 } })
    const [getUrl, getInit] = fetchMock.mock.calls[0]
    const [, postInit] = fetchMock.mock.calls[1]
    expect(getUrl).toBe('/api/v1/things')
    expect(getInit.headers['X-CSRF-Token']).toBeUndefined()
    expect(postInit.headers['X-CSRF-Token']).toBe('tok-1')
    expect(postInit.headers['Content-Type']).toBe('application/json')
    expect(postInit.body).toBe('{"a":1}')
    expect(postInit.credentials).toBe('same-origin')
  })

  it('unwraps the error envelope with fields and extra members, and shows it once', async () => {
    fetchMock.mockResolvedValue(
      answer(400, { error: { code: 'validation_failed', message: '输入有误', fields: { mobile: '手机号已存在' }, rows: [{ row: 2 }] } }),
    )
    const err = await failure(request('/members', { method: 'POST', body: {} }))
    expect(err).toBeInstanceOf(ApiError)
    expect(err.code).toBe('validation_failed')
    expect(err.status).toBe(400)
    expect(err.fields).toEqual({ mobile: '手机号已存在' })
    expect(err.details.rows).toEqual([{ row: 2 }])
    expect(hooks.notifyError).toHaveBeenCalledTimes(1)
    expect(hooks.notifyError).toHaveBeenCalledWith('输入有误')
  })

  it('does not show the message of a silent request', async () => {
    fetchMock.mockImplementation(async () => answer(409, { error: { code: 'referenced', message: '仍有委员属于该界别' } }))
    const err = await failure(request('/sectors/1', { method: 'DELETE', silent: true }))
    expect(err.code).toBe('referenced')
    expect(hooks.notifyError).not.toHaveBeenCalled()
  })

  it('redirects on 401 and on password_change_required, unless told not to', async () => {
    fetchMock.mockImplementation(async () => answer(401, { error: { code: 'unauthorized', message: '请登录' } }))
    await request('/members').catch(() => null)
    expect(hooks.onUnauthorized).toHaveBeenCalledTimes(1)
    expect(hooks.notifyError).not.toHaveBeenCalled()
    await request('/auth/me', { noRedirect: true, silent: true }).catch(() => null)
    expect(hooks.onUnauthorized).toHaveBeenCalledTimes(1)

    fetchMock.mockImplementation(async () => answer(403, { error: { code: 'password_change_required', message: '请先修改密码' } }))
    await request('/members').catch(() => null)
    expect(hooks.onPasswordChangeRequired).toHaveBeenCalledTimes(1)
  })

  it('turns a non-JSON failure and a network failure into ApiErrors', async () => {
    fetchMock.mockResolvedValue(new Response('<html>bad gateway</html>', { status: 502 }))
    const bad = await failure(request('/x'))
    expect(bad.code).toBe('internal')
    expect(bad.message).toBe('fallback-server')
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'))
    const down = await failure(request('/x'))
    expect(down.code).toBe('network')
    expect(hooks.notifyError).toHaveBeenLastCalledWith('fallback-network')
  })

  it('shows the server message of 413, 415 and 429 answers', async () => {
    const cases: [number, string, string][] = [
      [413, 'payload_too_large', '上传的文件太大'],
      [415, 'unsupported_media_type', '请求须使用 application/json'],
      [429, 'rate_limited', '请求过于频繁，请稍后再试'],
    ]
    for (const [status, code, message] of cases) {
      fetchMock.mockResolvedValueOnce(answer(status, { error: { code, message } }))
      const err = await failure(request('/auth/login', { method: 'POST', body: {}, noRedirect: true }))
      expect(err.status).toBe(status)
      expect(err.code).toBe(code)
      expect(hooks.notifyError).toHaveBeenLastCalledWith(message)
    }
    expect(hooks.notifyError).toHaveBeenCalledTimes(3)
  })

  it('gives a bare 413 or 429 (no envelope, e.g. from a proxy) its own code and generic message', async () => {
    fetchMock.mockResolvedValueOnce(new Response('<html>413 Request Entity Too Large</html>', { status: 413 }))
    const large = await failure(request('/members/import', { method: 'POST', form: new FormData() }))
    expect(large.code).toBe('payload_too_large')
    expect(large.message).toBe('fallback-tooLarge')
    fetchMock.mockResolvedValueOnce(new Response('', { status: 429 }))
    const limited = await failure(request('/auth/password', { method: 'POST', body: {} }))
    expect(limited.code).toBe('rate_limited')
    expect(hooks.notifyError).toHaveBeenLastCalledWith('fallback-rateLimited')
  })

  it('answers undefined for 204', async () => {
    fetchMock.mockResolvedValue(new Response(null, { status: 204 }))
    expect(await request('/auth/logout', { method: 'POST' })).toBeUndefined()
  })

  it('unwraps the list envelope with defaults', async () => {
    fetchMock.mockImplementation(async () => answer(200, { items: [{ id: 1 }], total: 41 }))
    const page = await requestPage<{ id: number }>('/members', { page: 3, page_size: 20 })
    expect(page).toEqual({ items: [{ id: 1 }], total: 41, page: 3, page_size: 20 })
    expect(fetchMock.mock.calls[0][0]).toBe('/api/v1/members?page=3&page_size=20')
  })

  it('fetches every page of a collection, beyond 5,000 items too', async () => {
    const total = 5_234
    fetchMock.mockImplementation(async (url: string) => {
      const q = new URL(url, 'http://x').searchParams
      const page = Number(q.get('page'))
      const size = Number(q.get('page_size'))
      const from = (page - 1) * size
      const items = Array.from({ length: Math.max(0, Math.min(size, total - from)) }, (_, i) => ({ id: from + i + 1 }))
      return answer(200, { items, total, page, page_size: size })
    })
    const all = await requestAll<{ id: number }>('/units', { q: '局' })
    expect(all).toHaveLength(total)
    expect(all[total - 1]).toEqual({ id: total })
    expect(fetchMock).toHaveBeenCalledTimes(Math.ceil(total / ALL_PAGE_SIZE))
    expect(fetchMock.mock.calls[0][0]).toBe(`/api/v1/units?q=%E5%B1%80&page=1&page_size=${ALL_PAGE_SIZE}`)
  })

  it('stops fetching pages when one comes back empty (rows deleted meanwhile)', async () => {
    fetchMock.mockResolvedValueOnce(answer(200, { items: [{ id: 1 }], total: 300 }))
    fetchMock.mockResolvedValueOnce(answer(200, { items: [], total: 300 }))
    expect(await requestAll<{ id: number }>('/units')).toEqual([{ id: 1 }])
    expect(fetchMock).toHaveBeenCalledTimes(2)
  })

  it('handles a refused download like any request: password change, session end, message', async () => {
    fetchMock.mockResolvedValueOnce(answer(403, { error: { code: 'password_change_required', message: '请先修改密码' } }))
    const pw = await failure(download('/proposals/1/document', {}, 'a.docx'))
    expect(pw.code).toBe('password_change_required')
    expect(hooks.onPasswordChangeRequired).toHaveBeenCalledTimes(1)
    expect(hooks.notifyError).not.toHaveBeenCalled()

    fetchMock.mockResolvedValueOnce(answer(401, { error: { code: 'unauthorized', message: '请登录' } }))
    await failure(download('/proposals/1/document', {}, 'a.docx'))
    expect(hooks.onUnauthorized).toHaveBeenCalledTimes(1)
    expect(hooks.notifyError).not.toHaveBeenCalled()

    fetchMock.mockResolvedValueOnce(answer(404, { error: { code: 'not_found', message: '提案不存在' } }))
    await failure(download('/proposals/1/document', {}, 'a.docx'))
    expect(hooks.notifyError).toHaveBeenCalledWith('提案不存在')
    fetchMock.mockResolvedValueOnce(answer(409, { error: { code: 'conflict', message: '尚不能生成' } }))
    await failure(download('/proposals/1/document', {}, 'a.docx', { silent: true }))
    expect(hooks.notifyError).toHaveBeenCalledTimes(1)
  })

  it('sends multipart bodies as they are', async () => {
    fetchMock.mockImplementation(async () => answer(200, { imported: 1 }))
    const form = new FormData()
    form.append('file', new Blob(['a,b']), 'x.csv')
    await request('/members/import', { method: 'POST', form })
    const init = fetchMock.mock.calls[0][1]
    expect(init.body).toBe(form)
    expect(init.headers['Content-Type']).toBeUndefined()
  })
})

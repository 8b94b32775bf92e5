// The one request client: fetch with the session cookie, the CSRF header on writes, the
// list/error envelopes unwrapped, errors shown in one place and 401/403 redirects.
// UI concerns (messages, navigation, the token) are injected by `configureClient`, so this
// module knows no component, store or router.
import type { ListQuery, Page } from './types'

export const API_BASE = '/api/v1'

/** An error answer of the server, `{"error":{code,message,fields?,rows?}}`, or a network failure. */
export class ApiError extends Error {
  readonly code: string
  readonly status: number
  readonly fields: Record<string, string>
  /** Extra members of the error object (e.g. import rows). */
  readonly details: Record<string, unknown>

  constructor(status: number, code: string, message: string, fields: Record<string, string> = {}, details: Record<string, unknown> = {}) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.fields = fields
    this.details = details
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'
  query?: ListQuery | Record<string, string | number | boolean | null | undefined>
  /** JSON body. */
  body?: unknown
  /** Multipart body (file uploads); sent as is. */
  form?: FormData
  /** Do not show the error message globally: the caller shows it (login form, delete refusal). */
  silent?: boolean
  /** Do not redirect on 401 / password change required (the auth calls themselves). */
  noRedirect?: boolean
}

/** Failures that have a generic message: no connection, a server error, a body too large, too many requests. */
export type FallbackKind = 'network' | 'server' | 'tooLarge' | 'rateLimited'

/** Codes (and generic messages) of error answers without the envelope, e.g. from a reverse proxy. */
const BARE_STATUS: Record<number, { code: string; kind: FallbackKind }> = {
  413: { code: 'payload_too_large', kind: 'tooLarge' },
  429: { code: 'rate_limited', kind: 'rateLimited' },
}

export interface ClientHooks {
  /** The CSRF token of the current session, sent as X-CSRF-Token on writes. */
  csrfToken: () => string | null
  /** Shows an error message to the person (one place for every request). */
  notifyError: (message: string) => void
  /** Called on 401: the session is gone. */
  onUnauthorized: () => void
  /** Called on 403 password_change_required. */
  onPasswordChangeRequired: () => void
  /** Translates the generic failure messages (used when an answer carries no message of its own). */
  fallbackMessage: (kind: FallbackKind) => string
}

const hooks: ClientHooks = {
  csrfToken: () => null,
  notifyError: () => {},
  onUnauthorized: () => {},
  onPasswordChangeRequired: () => {},
  fallbackMessage: (kind) => (kind === 'network' ? 'network error' : 'server error'),
}

/** Installs the UI hooks; called once from main.ts (and by tests). */
export function configureClient(partial: Partial<ClientHooks>): void {
  Object.assign(hooks, partial)
}

/** Builds `?a=1&b=2` from a query, leaving out empty values. */
export function buildQuery(query?: RequestOptions['query']): string {
  if (!query) return ''
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue
    params.append(key, String(value))
  }
  const text = params.toString()
  return text ? `?${text}` : ''
}

/**
 * Reads an error answer into an ApiError; tolerates non-JSON bodies. The server's own message
 * (Chinese) is kept for every status, 413 payload_too_large, 415 unsupported_media_type and
 * 429 rate_limited included; a bare 413/429 gets its own generic message.
 */
export async function parseError(res: Response): Promise<ApiError> {
  let body: unknown = null
  try {
    body = await res.json()
  } catch {
    body = null
  }
  const err = (body as { error?: Record<string, unknown> } | null)?.error
  if (err && typeof err === 'object') {
    const { code, message, fields, ...rest } = err as { code?: string; message?: string; fields?: Record<string, string> }
    return new ApiError(res.status, code ?? 'internal', message || hooks.fallbackMessage('server'), fields ?? {}, rest)
  }
  const bare = BARE_STATUS[res.status]
  if (bare) return new ApiError(res.status, bare.code, hooks.fallbackMessage(bare.kind))
  return new ApiError(res.status, res.status >= 500 ? 'internal' : 'bad_request', hooks.fallbackMessage('server'))
}

/**
 * Reacts to an error answer the same way for every kind of request: 401 ends the session,
 * 403 password_change_required sends the person to change it (unless `noRedirect`), anything
 * else is shown (unless `silent`). Answers the error for the caller to throw.
 */
function failed(err: ApiError, opts: { silent?: boolean; noRedirect?: boolean }): ApiError {
  if (!opts.noRedirect && err.status === 401) hooks.onUnauthorized()
  else if (!opts.noRedirect && err.code === 'password_change_required') hooks.onPasswordChangeRequired()
  else if (!opts.silent) hooks.notifyError(err.message)
  return err
}

/** Sends one request to `/api/v1{path}` and answers the parsed JSON (undefined for 204). */
export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? 'GET'
  const headers: Record<string, string> = { Accept: 'application/json' }
  let body: BodyInit | undefined
  if (opts.form) {
    body = opts.form
  } else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(opts.body)
  }
  if (method !== 'GET') {
    const token = hooks.csrfToken()
    if (token) headers['X-CSRF-Token'] = token
  }
  let res: Response
  try {
    res = await fetch(API_BASE + path + buildQuery(opts.query), { method, headers, body, credentials: 'same-origin' })
  } catch {
    const err = new ApiError(0, 'network', hooks.fallbackMessage('network'))
    if (!opts.silent) hooks.notifyError(err.message)
    throw err
  }
  if (!res.ok) throw failed(await parseError(res), opts)
  if (res.status === 204) return undefined as T
  const text = await res.text()
  return (text ? JSON.parse(text) : undefined) as T
}

/** Fetches one page of a collection: the list envelope, with defaults for missing members. */
export async function requestPage<T>(path: string, query: ListQuery = {}): Promise<Page<T>> {
  const page = await request<Partial<Page<T>>>(path, { query })
  return {
    items: page.items ?? [],
    total: page.total ?? 0,
    page: page.page ?? Number(query.page ?? 1),
    page_size: page.page_size ?? Number(query.page_size ?? 20),
  }
}

/** The page size `requestAll` asks for (the server's largest). */
export const ALL_PAGE_SIZE = 100

/**
 * Fetches every item of a collection (option lists: sectors, parties, units…), page after
 * page until the server's total is reached or a page comes back empty; there is no cap, so a
 * caller never works from a silently cut list.
 */
export async function requestAll<T>(path: string, query: ListQuery = {}): Promise<T[]> {
  const all: T[] = []
  for (let page = 1; ; page++) {
    const res = await requestPage<T>(path, { ...query, page, page_size: ALL_PAGE_SIZE })
    all.push(...res.items)
    if (all.length >= res.total || res.items.length === 0) return all
  }
}

/**
 * Downloads a file answer (templates, Word documents) and hands it to the browser as a download.
 * `silent` leaves showing a failure to the caller (e.g. a document the server cannot make yet).
 */
export async function download(
  path: string,
  query: RequestOptions['query'],
  fallbackName: string,
  opts: { silent?: boolean } = {},
): Promise<void> {
  let res: Response
  try {
    res = await fetch(API_BASE + path + buildQuery(query), { credentials: 'same-origin' })
  } catch {
    if (!opts.silent) hooks.notifyError(hooks.fallbackMessage('network'))
    throw new ApiError(0, 'network', hooks.fallbackMessage('network'))
  }
  if (!res.ok) throw failed(await parseError(res), opts)
  const blob = await res.blob()
  const disposition = res.headers.get('Content-Disposition') ?? ''
  const match = /filename\*=UTF-8''([^;]+)|filename="?([^";]+)"?/i.exec(disposition)
  const name = match ? decodeURIComponent(match[1] ?? match[2]) : fallbackName
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

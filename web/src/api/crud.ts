// The five endpoints every organisation collection has (list, get, create, update, delete),
// typed once; each module names its own functions from it.
import { request, requestAll, requestPage } from './client'
import type { Id, ListQuery, Page } from './types'

export interface CrudEndpoints<T, Input> {
  /** The collection's path under /api/v1 (e.g. '/sectors'); its OpenAPI operations are named by it. */
  path: string
  list: (query?: ListQuery) => Promise<Page<T>>
  all: (query?: ListQuery) => Promise<T[]>
  get: (id: Id) => Promise<T>
  create: (input: Input) => Promise<T>
  update: (id: Id, input: Partial<Input>) => Promise<T>
  remove: (id: Id) => Promise<void>
}

/** The CRUD endpoints of collection `path` (e.g. '/sectors'). `remove` is silent: callers show refusals. */
export function crudEndpoints<T, Input>(path: string): CrudEndpoints<T, Input> {
  return {
    path,
    list: (query = {}) => requestPage<T>(path, query),
    all: (query = {}) => requestAll<T>(path, query),
    get: (id) => request<T>(`${path}/${id}`),
    create: (input) => request<T>(path, { method: 'POST', body: input }),
    update: (id, input) => request<T>(`${path}/${id}`, { method: 'PATCH', body: input }),
    remove: (id) => request<void>(`${path}/${id}`, { method: 'DELETE', silent: true }),
  }
}

// Shapes shared by every API module: the list envelope, list queries and ids.

export type Id = number

/** The server's list envelope, `GET` on any collection. */
export interface Page<T> {
  items: T[]
  total: number
  page: number
  page_size: number
}

/** Query of a list: search text, paging (page_size ≤ 100) and module-specific filters. */
export interface ListQuery {
  q?: string
  page?: number
  page_size?: number
  [filter: string]: string | number | boolean | null | undefined
}

/** One problem of one imported row. */
export interface ImportProblem {
  column: string
  reason: string
}

/** One row of an import preview: its line number, parsed values and problems. */
export interface ImportRow {
  row: number
  data: Record<string, string>
  errors: ImportProblem[]
}

/** Answer of `POST /<module>/import/preview`. */
export interface ImportPreview {
  columns: string[]
  rows: ImportRow[]
  total: number
  valid: number
  invalid: number
}

/** An account created for a member, with the initial password staff must hand over. */
export interface CreatedAccount {
  name?: string
  mobile?: string
  username?: string
  login?: string
  initial_password: string
}

/** Answer of `POST /<module>/import`. */
export interface ImportResult {
  imported: number
  accounts?: CreatedAccount[]
}

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

/** A field an import with a column-mapping step reads, and whether a column must fill it. */
export interface ImportField {
  field: string
  label: string
  required: boolean
}

/** Which header of the uploaded file fills each field (null: none). */
export type ColumnMapping = Record<string, string | null>

/** Answer of `POST /<module>/import/preview`. */
export interface ImportPreview {
  columns: string[]
  rows: ImportRow[]
  total: number
  valid: number
  invalid: number
  /** Imports with a column-mapping step (historical proposals) also say: the file's headers, */
  headers?: string[]
  /** our fields, */
  fields?: ImportField[]
  /** the mapping guessed from the headers and the one used, */
  suggested_mapping?: ColumnMapping
  mapping?: ColumnMapping
  /** required fields no column fills (rows are not checked until there are none), */
  missing?: string[]
  /** and the terms and sessions the import will create. */
  new_terms?: string[]
  new_sessions?: string[]
}

/** An account created for a member, with the initial password staff must hand over. */
export interface CreatedAccount {
  name?: string
  mobile?: string
  username?: string
  login?: string
  initial_password: string
}

/** A member whose mobile already belongs to an account: linked once its holder accepts. */
export interface PendingLink {
  row: number
  name: string
  mobile: string
}

/** Answer of `POST /<module>/import`. */
export interface ImportResult {
  imported: number
  accounts?: CreatedAccount[]
  /** Members waiting for their account holder's consent (他人账号已使用该手机号). */
  pending_consent?: PendingLink[]
  /** Historical proposals: the sessions created for them. */
  new_sessions?: string[]
}

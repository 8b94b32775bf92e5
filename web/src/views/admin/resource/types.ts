// The description of one administered collection (界别, 党派, 专委会, 政协组织…): its list
// columns and filters, its form fields with their i18n labels and widgets, and its API module.
// ResourceList and ResourceForm build the pages from it. The fields' limits (maximum length,
// required, allowed values) are not written here: they come from the server's OpenAPI
// description of the collection's create and update requests.
import type { CrudEndpoints } from '@/api/crud'
import type { Column } from '@/components/ListTable.vue'

/** An option of a select: an id and what is shown. */
export interface Option {
  id: number
  name: string
}

/** Option lists a page loads for its columns and selects, by name (e.g. units). */
export type OptionLists = Record<string, Option[]>

/**
 * The input of a field: a one-line `text`, a `textarea`, a `number`, a `choice` among the
 * values the server allows (radio buttons), a `select` of one option or a `multiselect`.
 */
export type Widget = 'text' | 'textarea' | 'number' | 'choice' | 'select' | 'multiselect'

export interface FieldSpec {
  /** The body member (and form model key). */
  prop: string
  /** i18n key of the label. */
  label: string
  widget: Widget
  /** The input's element id (the label points at it). */
  id?: string
  /** textarea: lines shown. */
  rows?: number
  /** choice: the enumeration whose i18n labels name the values (`enums.<kind>.<value>`). */
  enumKind?: string
  /** select / multiselect: the option list (a key of `options`). */
  options?: string
  /** select: leave out the record being edited (a committee is not its own parent). */
  excludeSelf?: boolean
  /** select: i18n key of the placeholder. */
  placeholder?: string
  /** select: may be emptied. */
  clearable?: boolean
  /** number: the widget's bounds. */
  min?: number
  max?: number
}

/** A select filter of the list over a field with allowed values (the server lists them). */
export interface ListFilter {
  prop: string
  label: string
  enumKind: string
}

export interface Row {
  id: number
  name: string
}

export type Values = Record<string, unknown>

export interface ResourceSchema<T extends Row, Input extends object> {
  /** The API module's endpoints; its `path` names the OpenAPI operations. */
  api: CrudEndpoints<T, Input>
  /** i18n key of the page title. */
  title: string
  /** i18n prefix of the dialog titles: `<prefix>.add`, `<prefix>.edit`. */
  i18n: string
  columns: (options: OptionLists) => Column<T>[]
  filters?: ListFilter[]
  fields: FieldSpec[]
  /** Option lists to load with the page, and again after each change. */
  options?: Record<string, () => Promise<Option[]>>
  empty(): Input
  fromRecord(record: T): Input
  /** Last changes before sending, after text fields are trimmed. */
  prepare?(input: Input): Input
}

/** A schema with its types erased, as the generic pages take it. */
export type AnyResource = ResourceSchema<Row, Values>

/** Checks a resource's schema against its types, and hands it on for the generic pages. */
export function defineResource<T extends Row, Input extends object>(schema: ResourceSchema<T, Input>): AnyResource {
  return schema as unknown as AnyResource
}

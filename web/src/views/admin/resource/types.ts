// The description of one administered collection (界别, 党派, 专委会, 政协组织…): its list
// columns and filters, its form fields with their i18n labels and widgets, and its API module.
// ResourceList and ResourceForm build the pages from it. The fields' limits (maximum length,
// required, allowed values) are not written here: they come from the server's OpenAPI
// description of the collection's create and update requests.
import type { Component } from 'vue'
import type { FormItemRule } from 'element-plus'
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
 * The input of a field: a one-line `text`, a `textarea`, a `password`, a `number`, a `date`, a
 * `switch`, a `choice` among the values the server allows (radio buttons, or a select with
 * `asSelect`), a `select` of one option, a `multiselect`, or a `component` of the page's own
 * (v-model of the value, with the form's `errors`).
 */
export type Widget = 'text' | 'textarea' | 'password' | 'number' | 'date' | 'switch' | 'choice' | 'select' | 'multiselect' | 'component'

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
  /** select, text: i18n key of the placeholder. */
  placeholder?: string
  /** select: may be emptied. */
  clearable?: boolean
  /** number: the widget's bounds. */
  min?: number
  max?: number
  /** choice: the values when the server's description lists none. */
  values?: readonly string[]
  /** choice: a select instead of radio buttons. */
  asSelect?: boolean
  /** select: options can be searched by typing. */
  filterable?: boolean
  /** The input's `data-test`. */
  test?: string
  inputmode?: 'tel' | 'numeric' | 'text'
  autocomplete?: string
  /** component: the input (takes v-model and `errors`). */
  component?: Component
  /** The field cannot be changed for this record (being edited; null when new). */
  disabled?: (record: Row | null) => boolean
  /** Called with each new value, to adjust other fields of the form. */
  onInput?: (value: unknown, form: Values) => void
  /** A note under the input, shown for the records `when` picks. */
  hint?: { text: string; when: (record: Row | null) => boolean; test?: string }
}

/** What a row shows as a tag in a column instead of text (null: the column's text). */
export type CellTag<T = Row> = (row: T) => { type: 'success' | 'warning' | 'info' | 'danger' | 'primary'; label: string; attrs?: Record<string, string> } | null

/** A button of each row beyond edit and delete, opening the page's dialog for the row. */
export interface RowDialog {
  /** i18n key of the button. */
  label: string
  /** Takes v-model (open), `record` and `options`; emits `changed` when the list should reload. */
  dialog: Component
}

/**
 * A select filter of the list: over a field with allowed values (`enumKind`; the server lists
 * them, or `values`), over an option list (`options`, e.g. sectors) or yes/no (`boolean`).
 */
export interface ListFilter {
  prop: string
  label: string
  enumKind?: string
  values?: readonly string[]
  options?: string
  boolean?: boolean
  /** The value the filter starts with (and goes back to on reset); such a filter is never empty. */
  initial?: string | number
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
  /** Client checks beyond what the server requires, by field (`form` gives the values edited, `record` the record or null). */
  rules?(form: () => Input, record: () => T | null): Record<string, FormItemRule[]>
  /** After a save (the dialog closed): tell the user what the server did. */
  afterSave?(saved: T, record: T | null): Promise<void> | void
  /** The list has a keyword search (default true). */
  search?: boolean
  /** On phones, the filters fold away behind a button. */
  foldFilters?: boolean
  /** Tags of cells, by column prop. */
  tags?: Record<string, CellTag<T>>
  /** The import page of the collection (route name). */
  importRoute?: string
  /** Dialogs a row opens beyond its form (a user's role grants). */
  rowDialogs?: RowDialog[]
  /** No edit button: a record is replaced by adding it again (calendar days). */
  noEdit?: boolean
  /** The delete confirmation names a row so (default: its name). */
  rowName?(row: T): string
  /** i18n key of a paragraph under the title. */
  intro?: string
  /** A line beside the filters about what is listed. */
  summary?: () => string
  /** i18n key naming the list for screen readers. */
  caption?: string
  actionsWidth?: number
  dialogWidth?: string
}

/** A schema with its types erased, as the generic pages take it. */
export type AnyResource = ResourceSchema<Row, Values>

/** Checks a resource's schema against its types, and hands it on for the generic pages. */
export function defineResource<T extends Row, Input extends object>(schema: ResourceSchema<T, Input>): AnyResource {
  return schema as unknown as AnyResource
}

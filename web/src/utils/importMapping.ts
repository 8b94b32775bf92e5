// The column-mapping step of an import (historical proposals): which column of the uploaded
// file fills each of our fields. The server suggests a mapping; the person corrects it here.
import type { ColumnMapping, ImportField } from '@/api/types'

/** A mapping as the form holds it: field → header, '' when the field is not taken from the file. */
export type MappingForm = Record<string, string>

/** The form's starting point: the server's mapping (or suggestion), only for headers the file has. */
export function initialMapping(fields: readonly ImportField[], suggested: ColumnMapping | undefined, headers: readonly string[]): MappingForm {
  const form: MappingForm = {}
  for (const f of fields) {
    const h = suggested?.[f.field]
    form[f.field] = h && headers.includes(h) ? h : ''
  }
  return form
}

export interface MappingProblems {
  /** Labels of required fields no column fills. */
  missing: string[]
  /** Headers chosen for more than one field. */
  duplicates: string[]
}

/** What stops the mapping from being used: unmapped required fields, a column used twice. */
export function mappingProblems(fields: readonly ImportField[], form: MappingForm): MappingProblems {
  const missing = fields.filter((f) => f.required && !form[f.field]).map((f) => f.label)
  const seen = new Set<string>()
  const duplicates = new Set<string>()
  for (const f of fields) {
    const h = form[f.field]
    if (!h) continue
    if (seen.has(h)) duplicates.add(h)
    seen.add(h)
  }
  return { missing, duplicates: [...duplicates] }
}

/** The mapping the server takes: every field, null when not mapped. */
export function mappingPayload(form: MappingForm): ColumnMapping {
  const out: ColumnMapping = {}
  for (const [field, header] of Object.entries(form)) out[field] = header || null
  return out
}

/** The headers offered for `field`: every header, those chosen for another field disabled. */
export function headerOptions(headers: readonly string[], form: MappingForm, field: string): { value: string; disabled: boolean }[] {
  const taken = new Set(Object.entries(form).filter(([f, h]) => f !== field && h).map(([, h]) => h))
  return headers.map((h) => ({ value: h, disabled: taken.has(h) }))
}

// The before/after difference of an audit record, field by field.

export type ChangeKind = 'added' | 'removed' | 'changed' | 'same'

export interface FieldChange {
  field: string
  before: unknown
  after: unknown
  kind: ChangeKind
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/**
 * Lists the fields of `before` and `after` (either may be null: creation or deletion),
 * changed fields first, then unchanged ones when `withSame` is set.
 */
export function diffRecords(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  withSame = false,
): FieldChange[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])
  const changes: FieldChange[] = []
  const unchanged: FieldChange[] = []
  for (const field of keys) {
    const hasBefore = before !== null && Object.prototype.hasOwnProperty.call(before, field)
    const hasAfter = after !== null && Object.prototype.hasOwnProperty.call(after, field)
    const b = hasBefore ? before![field] : undefined
    const a = hasAfter ? after![field] : undefined
    if (!hasBefore) changes.push({ field, before: undefined, after: a, kind: 'added' })
    else if (!hasAfter) changes.push({ field, before: b, after: undefined, kind: 'removed' })
    else if (!same(a, b)) changes.push({ field, before: b, after: a, kind: 'changed' })
    else if (withSame) unchanged.push({ field, before: b, after: a, kind: 'same' })
  }
  return [...changes, ...unchanged]
}

/** Shows a field value in one line: strings as is, null/undefined as an empty mark, the rest as JSON. */
export function formatValue(value: unknown): string {
  if (value === undefined || value === null) return '—'
  if (typeof value === 'string') return value
  return JSON.stringify(value)
}

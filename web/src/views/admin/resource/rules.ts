// The form rules of a resource, from the limits the server's OpenAPI description gives.
import type { FormItemRule } from 'element-plus'
import type { FieldLimits } from '@/api/openapi'
import { requiredRule } from '@/composables/useEntityForm'
import type { FieldSpec } from './types'

/** A required rule for each field the server requires on create (checked on edit too). */
export function resourceRules(fields: FieldSpec[], limits: Record<string, FieldLimits>): Record<string, FormItemRule[]> {
  const rules: Record<string, FormItemRule[]> = {}
  for (const f of fields) {
    if (!limits[f.prop]?.required) continue
    rules[f.prop] = [requiredRule(f.label, f.widget === 'text' || f.widget === 'textarea' ? 'blur' : 'change')]
  }
  return rules
}

/** Trims every text field (the server trims as well; a blank name is caught here first). */
export function trimTexts<V extends Record<string, unknown>>(fields: FieldSpec[], values: V): V {
  const out: Record<string, unknown> = { ...values }
  for (const f of fields)
    if ((f.widget === 'text' || f.widget === 'textarea') && typeof out[f.prop] === 'string') out[f.prop] = (out[f.prop] as string).trim()
  return out as V
}

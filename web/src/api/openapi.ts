// The server's own description, `GET /openapi.json`, read for the limits of request bodies
// (maximum lengths, required fields, allowed values), so forms check what the server checks.
// Fetched once and kept; a failure is not kept, so the next caller tries again.
import { API_BASE, request } from './client'

/** The part of a JSON Schema the forms read. */
export interface JsonSchema {
  type?: string | string[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  maxLength?: number
  minLength?: number
  minimum?: number
  maximum?: number
  pattern?: string
  format?: string
  enum?: string[]
  default?: unknown
}

interface Operation {
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> }
}

export interface OpenApiDoc {
  paths: Record<string, Record<string, Operation>>
}

let cached: Promise<OpenApiDoc> | null = null

/** The OpenAPI description, fetched on first use. */
export function loadOpenApi(): Promise<OpenApiDoc> {
  if (!cached) {
    cached = request<OpenApiDoc>('/openapi.json', { silent: true }).catch((err: unknown) => {
      cached = null
      throw err
    })
  }
  return cached
}

/** Forgets the kept description (tests). */
export function forgetOpenApi(): void {
  cached = null
}

/**
 * The JSON schema of the body of `method` on `path` (under /api/v1, OpenAPI's `{id}` form,
 * e.g. '/parties/{id}'); null when the description has none.
 */
export function requestSchema(doc: OpenApiDoc | null, path: string, method: 'post' | 'patch' | 'put'): JsonSchema | null {
  const op = doc?.paths[API_BASE + path]?.[method]
  return op?.requestBody?.content?.['application/json']?.schema ?? null
}

/** What a form needs to know of one field. */
export interface FieldLimits {
  required: boolean
  maxLength?: number
  choices?: string[]
  min?: number
  max?: number
}

/** The limits of every listed field of a body schema (`required` from its `required` list). */
export function fieldLimits(schema: JsonSchema | null): Record<string, FieldLimits> {
  const out: Record<string, FieldLimits> = {}
  if (!schema?.properties) return out
  const required = new Set(schema.required ?? [])
  for (const [name, p] of Object.entries(schema.properties)) {
    out[name] = { required: required.has(name) }
    if (p.maxLength !== undefined) out[name].maxLength = p.maxLength
    if (p.enum) out[name].choices = [...p.enum]
    if (p.minimum !== undefined) out[name].min = p.minimum
    if (p.maximum !== undefined) out[name].max = p.maximum
  }
  return out
}

/**
 * The limits of a collection's fields: those of creating it (`POST path`), where `required`
 * lives, with the update's (`PATCH path/{id}`) filling fields only it lists.
 */
export function resourceLimits(doc: OpenApiDoc | null, path: string): Record<string, FieldLimits> {
  return { ...fieldLimits(requestSchema(doc, `${path}/{id}`, 'patch')), ...fieldLimits(requestSchema(doc, path, 'post')) }
}

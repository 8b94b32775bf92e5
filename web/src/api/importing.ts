// The import endpoints members and units share: preview, commit and template download.
import { download, request } from './client'
import type { ImportPreview, ImportResult } from './types'

export type ImportModule = 'members' | 'units'
export type TemplateFormat = 'xlsx' | 'csv'

function fileForm(file: File): FormData {
  const form = new FormData()
  form.append('file', file, file.name)
  return form
}

/** POST /{module}/import/preview: parse and check the file; nothing is written. */
export const previewImport = (module: ImportModule, file: File) =>
  request<ImportPreview>(`/${module}/import/preview`, { method: 'POST', form: fileForm(file) })

/** POST /{module}/import: import all rows or none (any 400 means nothing was imported). */
export const commitImport = (module: ImportModule, file: File) =>
  request<ImportResult>(`/${module}/import`, { method: 'POST', form: fileForm(file), silent: true })

/** GET /{module}/import/template: download the template file. */
export const downloadImportTemplate = (module: ImportModule, format: TemplateFormat) =>
  download(`/${module}/import/template`, { format }, `${module}-template.${format}`)

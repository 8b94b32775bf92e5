// The import endpoints members, units and historical proposals share: preview, commit and
// template download. Historical proposals also take a column mapping and commit at /import/commit.
import { download, request } from './client'
import type { ColumnMapping, ImportPreview, ImportResult } from './types'

export type ImportModule = 'members' | 'units' | 'proposals'
export type TemplateFormat = 'xlsx' | 'csv'

function fileForm(file: File, mapping?: ColumnMapping): FormData {
  const form = new FormData()
  form.append('file', file, file.name)
  if (mapping) form.append('mapping', JSON.stringify(mapping))
  return form
}

const commitPath = (module: ImportModule) => (module === 'proposals' ? `/${module}/import/commit` : `/${module}/import`)

/** POST /{module}/import/preview: parse and check the file; nothing is written. */
export const previewImport = (module: ImportModule, file: File, mapping?: ColumnMapping) =>
  request<ImportPreview>(`/${module}/import/preview`, { method: 'POST', form: fileForm(file, mapping) })

/** POST /{module}/import: import all rows or none (any 400 means nothing was imported). */
export const commitImport = (module: ImportModule, file: File, mapping?: ColumnMapping) =>
  request<ImportResult>(commitPath(module), { method: 'POST', form: fileForm(file, mapping), silent: true })

/** GET /{module}/import/template: download the template file. */
export const downloadImportTemplate = (module: ImportModule, format: TemplateFormat) =>
  download(`/${module}/import/template`, { format }, `${module}-template.${format}`)

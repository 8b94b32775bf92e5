// Before a draft is submitted: ask the server whether it picked, or reads like, a catalogue
// topic another party or sector claimed, and let the author decide. A warning only: the author
// may submit anyway; a failed check never blocks submitting.
import { h } from 'vue'
import { ElMessageBox } from 'element-plus'
import { checkDraft } from '@/api/catalogue'
import type { Id } from '@/api/types'
import { t } from '@/locales'

export interface DraftForCheck {
  title: string
  situation: string
  analysis: string
  suggestions: string
  catalogue_topic_id?: Id | null
  group_type?: string | null
  group_id?: Id | null
  kind?: string
}

/** Answers true when submitting should go on (no warning, or the author chose to submit anyway). */
export async function confirmCatalogueCheck(draft: DraftForCheck): Promise<boolean> {
  let warnings: { message: string }[] = []
  try {
    const collective = draft.kind === undefined || draft.kind === 'collective'
    const result = await checkDraft({
      topic_id: draft.catalogue_topic_id ?? null,
      title: draft.title,
      body: [draft.situation, draft.analysis, draft.suggestions].filter(Boolean).join('\n'),
      group_type: collective ? (draft.group_type ?? null) : null,
      group_id: collective ? (draft.group_id ?? null) : null,
    })
    warnings = result.warnings
  } catch {
    return true
  }
  if (!warnings.length) return true
  try {
    const body = h('div', { 'data-test': 'catalogue-warnings' }, warnings.map((w) => h('p', w.message)))
    await ElMessageBox.confirm(body, t('catalogue.checkTitle'), {
      type: 'warning',
      confirmButtonText: t('catalogue.submitAnyway'),
      cancelButtonText: t('catalogue.backToEdit'),
      customClass: 'catalogue-check',
      distinguishCancelAndClose: true,
    })
    return true
  } catch {
    return false
  }
}

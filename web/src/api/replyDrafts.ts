// The reply editor (答复函): a lead unit's saved draft of its reply, the committee's templates per
// result category, and the letter as it will print.
import { request } from './client'
import type { Id } from './types'
import type { ResultCategory } from './proposals'

export interface ReplyTemplate {
  body: string
  /** The committee's own text (false: the built-in template). */
  custom: boolean
}

export type DraftSource = 'draft' | 'sent_back' | 'empty'

export interface ReplyDraft {
  unit_id: Id
  round: number
  result_category: ResultCategory | ''
  body: string
  /** Where the text comes from: the saved draft, the reply sent back for revision, or nothing yet. */
  source: DraftSource
  updated_at: string | null
  updated_by_name: string | null
  /** The templates of the committee's result categories, filled in for this proposal. */
  templates: Partial<Record<ResultCategory, ReplyTemplate>>
}

export interface ReplyDraftInput {
  unit_id?: Id
  result_category: ResultCategory | ''
  body: string
}

export type LetterBlockKind = 'title' | 'subtitle' | 'heading' | 'paragraph' | 'plain' | 'signature' | 'date' | 'table'

/** The letter as it will print, block by block (a paragraph is indented, a plain line is not). */
export interface LetterPreview {
  blocks: { kind: LetterBlockKind; text: string }[]
}

export const getReplyDraft = (id: Id, unitId?: Id) =>
  request<ReplyDraft>(`/proposals/${id}/reply-draft`, { query: { unit_id: unitId }, silent: true })

export const saveReplyDraft = (id: Id, input: ReplyDraftInput) =>
  request<ReplyDraft>(`/proposals/${id}/reply-draft`, { method: 'PUT', body: input, silent: true })

export const previewReplyLetter = (id: Id, input: ReplyDraftInput) =>
  request<LetterPreview>(`/proposals/${id}/documents/reply-letter-preview`, { method: 'POST', body: input, silent: true })

export const fetchReplyTemplates = async () =>
  (await request<{ items: Partial<Record<ResultCategory, ReplyTemplate>> }>('/proposals/reply-templates')).items ?? {}

export const saveReplyTemplate = async (category: ResultCategory, body: string) =>
  (await request<{ items: Partial<Record<ResultCategory, ReplyTemplate>> }>(`/proposals/reply-templates/${category}`, { method: 'PUT', body: { body } })).items ?? {}

export const resetReplyTemplate = (category: ResultCategory) => request<void>(`/proposals/reply-templates/${category}`, { method: 'DELETE' })

/** A template's guidance is written 【请…】: text that still holds one is not finished. */
export const TEMPLATE_PROMPT = /【请[^】]*】/g

/** The guidance lines still left in `body`. */
export function promptsLeft(body: string): string[] {
  return body.match(TEMPLATE_PROMPT) ?? []
}

import { describe, expect, it } from 'vitest'
import { promptsLeft } from './replyDrafts'

describe('promptsLeft', () => {
  it('finds every template prompt still in the text', () => {
    const body = '一、基本情况\n【请说明现状。】\n二、办理情况\n已落实。\n三、【请说明后续安排。】'
    expect(promptsLeft(body)).toEqual(['【请说明现状。】', '【请说明后续安排。】'])
  })
  it('finds none in a finished reply, and ignores other brackets', () => {
    expect(promptsLeft('经研究，我局将于年内出台补贴办法。【附件】见后。')).toEqual([])
    expect(promptsLeft('')).toEqual([])
  })
})

describe('the reply templates intro', () => {
  it('shows the placeholders as written, not as i18n parameters', async () => {
    const { t } = await import('@/locales')
    const text = t('replyTemplates.intro')
    for (const p of ['{title}', '{number}', '{proposer}']) expect(text).toContain(p)
  })
})

// Audit log actions in words: `auth.login_failed` → 登录失败, `member.create` → 委员：新建,
// `proposal.submit` → the workflow action's name; an unknown action stays as the server names it.

/** The i18n lookups the label needs (vue-i18n's `t` and `te`, or stand-ins in tests). */
export interface Translator {
  t: (key: string, values?: Record<string, unknown>) => string
  te: (key: string) => boolean
}

const VERBS = ['create', 'update', 'delete'] as const

/** The label of one audit action. */
export function auditActionLabel(action: string, { t, te }: Translator): string {
  if (!/^[a-z_]+\.[a-z_]+$/.test(action)) return action
  const own = `audit.actions.${action}`
  if (te(own)) return t(own)
  const [subject, verb] = action.split('.')
  if (subject === 'proposal' && te(`enums.proposalAction.${verb}`)) return t(`enums.proposalAction.${verb}`)
  if ((VERBS as readonly string[]).includes(verb) && te(`audit.subjects.${subject}`))
    return t('audit.actionOf', { subject: t(`audit.subjects.${subject}`), verb: t(`audit.verbs.${verb}`) })
  return action
}

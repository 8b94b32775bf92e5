// Members (委员): columns, filters, form values and rules.
import type { FormRules } from 'element-plus'
import type { Member, MemberAccount, MemberInput } from '@/api/members'
import type { Column } from '@/components/ListTable.vue'
import { requiredRule } from '@/composables/useEntityForm'
import { t } from '@/locales'
import { enumKey } from '@/utils/enums'
import { isMobile } from '@/utils/validators'

/**
 * Whether the member signs in: the server's `account`, or (from an answer without it) read off
 * `user_id` and `pending_user_id`.
 */
export function accountState(m: Pick<Member, 'account' | 'user_id' | 'pending_user_id'>): MemberAccount {
  if (m.account) return m.account
  if (m.user_id) return 'linked'
  if (m.pending_user_id) return 'pending_consent'
  return 'none'
}

export const columns: Column<Member>[] = [
  { prop: 'name', label: 'member.name', minWidth: 100 },
  { prop: 'gender', label: 'member.gender', minWidth: 80, formatter: (r) => t(enumKey('gender', r.gender)) },
  { prop: 'mobile', label: 'member.mobile', width: 130 },
  { prop: 'account', label: 'member.account', width: 110, formatter: (r) => t(enumKey('memberAccount', accountState(r))) },
  { prop: 'sector_name', label: 'member.sector', minWidth: 120 },
  { prop: 'party_name', label: 'member.party', minWidth: 100, formatter: (r) => r.party_name || t('member.noParty') },
  { prop: 'is_standing', label: 'member.isStanding', minWidth: 90, formatter: (r) => t(r.is_standing ? 'common.yes' : 'common.no') },
  { prop: 'employer', label: 'member.employer', minWidth: 160 },
  { prop: 'title', label: 'member.title', minWidth: 120 },
  { prop: 'status', label: 'member.status', width: 100, formatter: (r) => t(enumKey('memberStatus', r.status)) },
]

/** The list filters, as the server names them ('' = any). */
export const initialFilters = () => ({
  q: '',
  sector_id: '' as number | '',
  party_id: '' as number | '',
  status: '',
  is_standing: '' as boolean | '',
  special_committee_id: '' as number | '',
})

export const emptyMember = (): MemberInput => ({
  name: '',
  gender: 'male',
  mobile: '',
  sector_id: null,
  party_id: null,
  is_standing: false,
  employer: '',
  title: '',
  status: 'active',
  special_committee_ids: [],
})

export const fromMember = (m: Member): MemberInput => ({
  name: m.name,
  gender: m.gender,
  mobile: m.mobile,
  sector_id: m.sector_id,
  party_id: m.party_id,
  is_standing: m.is_standing,
  employer: m.employer,
  title: m.title,
  status: m.status,
  special_committee_ids: [...(m.special_committee_ids ?? [])],
})

export function prepareMember(input: MemberInput): MemberInput {
  return { ...input, name: input.name.trim(), mobile: input.mobile.trim(), party_id: input.party_id || null }
}

export const rules: FormRules = {
  name: [requiredRule('member.name')],
  gender: [requiredRule('member.gender', 'change')],
  mobile: [
    requiredRule('member.mobile'),
    { validator: (_r, v: string, cb) => (isMobile(v) ? cb() : cb(new Error(t('validation.mobile')))), trigger: 'blur' },
  ],
  sector_id: [
    {
      required: true,
      validator: (_r, v: number | null, cb) => (v ? cb() : cb(new Error(t('validation.required', { field: t('member.sector') })))),
      trigger: 'change',
    },
  ],
}

// Members (委员): the list's columns (the login account as a tag) and filters by sector, party,
// special committee, status and standing; the form's fields (limits from the server's OpenAPI);
// what the server did about the member's account after a save; and the import page.
import { ElMessageBox } from 'element-plus'
import { crudEndpoints } from '@/api/crud'
import type { Member, MemberAccount, MemberInput } from '@/api/members'
import { allParties, allSectors } from '@/api/sectors'
import { allSpecialCommittees } from '@/api/specialCommittees'
import type { Column } from '@/components/ListTable.vue'
import { requiredRule } from '@/composables/useEntityForm'
import { t } from '@/locales'
import { GENDERS, MEMBER_STATUSES, enumKey } from '@/utils/enums'
import { isMobile } from '@/utils/validators'
import { defineResource } from '../resource/types'

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

/** Tag colour of a member's login account state. */
const ACCOUNT_TAG: Record<MemberAccount, 'success' | 'warning' | 'info'> = { linked: 'success', pending_consent: 'warning', none: 'info' }

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

const names = <T extends { id: number; name: string }>(list: T[]) => list.map(({ id, name }) => ({ id, name }))

/**
 * After a save: the initial password when an account was created, or that the holder of an
 * existing account with that mobile must confirm the link (asked again only when the mobile changed).
 */
async function tellAccount(saved: Member, record: Member | null) {
  if (saved.initial_password) {
    await ElMessageBox.alert(t('member.accountHint', { login: saved.mobile, password: saved.initial_password }), t('member.accountCreated'), {
      type: 'success',
      confirmButtonText: t('common.confirm'),
      customClass: 'initial-password-box',
    }).catch(() => {})
  } else if (saved.account === 'pending_consent' && (record === null || record.mobile !== saved.mobile)) {
    await ElMessageBox.alert(t('member.pendingConsentHint', { mobile: saved.mobile }), t('member.pendingConsentTitle'), {
      type: 'warning',
      confirmButtonText: t('common.confirm'),
      customClass: 'pending-consent-box',
    }).catch(() => {})
  }
}

/** A linked member's mobile is their login: only they change it (我的信息). */
const linked = (record: unknown) => Boolean((record as Member | null)?.user_id)

export const memberResource = defineResource<Member, MemberInput>({
  api: crudEndpoints<Member, MemberInput>('/members'),
  title: 'menu.members',
  i18n: 'member',
  caption: 'menu.members',
  columns: () => columns,
  tags: {
    account: (r) => {
      const state = accountState(r)
      return { type: ACCOUNT_TAG[state], label: t(enumKey('memberAccount', state)), attrs: { 'data-account': state } }
    },
  },
  filters: [
    { prop: 'sector_id', label: 'member.sector', options: 'sectors' },
    { prop: 'party_id', label: 'member.party', options: 'parties' },
    { prop: 'special_committee_id', label: 'member.specialCommittees', options: 'specialCommittees' },
    { prop: 'status', label: 'member.status', enumKind: 'memberStatus', values: MEMBER_STATUSES },
    { prop: 'is_standing', label: 'member.isStanding', boolean: true },
  ],
  foldFilters: true,
  fields: [
    { prop: 'name', label: 'member.name', widget: 'text', id: 'member-name' },
    { prop: 'gender', label: 'member.gender', widget: 'choice', enumKind: 'gender', values: GENDERS },
    {
      prop: 'mobile',
      label: 'member.mobile',
      widget: 'text',
      id: 'member-mobile',
      inputmode: 'tel',
      disabled: linked,
      hint: { text: 'member.mobileLockedHint', when: linked, test: 'member-mobile-locked' },
    },
    { prop: 'sector_id', label: 'member.sector', widget: 'select', options: 'sectors', filterable: true, test: 'member-sector' },
    { prop: 'party_id', label: 'member.party', widget: 'select', options: 'parties', filterable: true, clearable: true, placeholder: 'member.noParty' },
    { prop: 'is_standing', label: 'member.isStanding', widget: 'switch' },
    { prop: 'employer', label: 'member.employer', widget: 'text', id: 'member-employer' },
    { prop: 'title', label: 'member.title', widget: 'text', id: 'member-title' },
    { prop: 'status', label: 'member.status', widget: 'choice', enumKind: 'memberStatus', values: MEMBER_STATUSES },
    { prop: 'special_committee_ids', label: 'member.specialCommittees', widget: 'multiselect', options: 'specialCommittees' },
  ],
  options: {
    sectors: async () => names(await allSectors()),
    parties: async () => names(await allParties()),
    specialCommittees: async () => names(await allSpecialCommittees()),
  },
  importRoute: 'admin-members-import',
  dialogWidth: '720px',
  empty: () => ({
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
  }),
  fromRecord: (m) => ({
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
  }),
  prepare: (input) => ({ ...input, party_id: input.party_id || null }),
  rules: () => ({
    name: [requiredRule('member.name')],
    gender: [requiredRule('member.gender', 'change')],
    mobile: [requiredRule('member.mobile'), { validator: (_r, v: string, cb) => (isMobile(v) ? cb() : cb(new Error(t('validation.mobile')))), trigger: 'blur' }],
    sector_id: [
      {
        required: true,
        validator: (_r, v: number | null, cb) => (v ? cb() : cb(new Error(t('validation.required', { field: t('member.sector') })))),
        trigger: 'change',
      },
    ],
  }),
  afterSave: tellAccount,
})

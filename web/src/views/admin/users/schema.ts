// Users (accounts) and their role grants in the current committee: the list's columns and
// status filter, the form's fields (limits from the server's OpenAPI), the grants dialog of a
// row, and which scope a role's grant needs.
import { markRaw } from 'vue'
import { crudEndpoints } from '@/api/crud'
import { allParties, allSectors } from '@/api/sectors'
import { allSpecialCommittees } from '@/api/specialCommittees'
import { allUnits } from '@/api/units'
import type { User, UserInput } from '@/api/users'
import { t } from '@/locales'
import { useAuthStore } from '@/stores/auth'
import { USER_STATUSES, enumKey } from '@/utils/enums'
import { isMobile, isStrongPassword } from '@/utils/validators'
import { defineResource } from '../resource/types'
import GrantsDialog from './GrantsDialog.vue'

/** The roles a user holds in the committee the page is in (all when unknown). */
function rolesHere(r: User): string {
  const committeeId = useAuthStore().user?.committee_id ?? null
  return (
    (r.grants ?? [])
      .filter((g) => committeeId === null || g.committee_id === committeeId)
      .map((g) => t(enumKey('role', g.role)))
      .join('、') || '—'
  )
}

/** Empty username/mobile become null; the password is sent only when given. */
export function prepareUser(input: UserInput): UserInput {
  const out: UserInput = { ...input, username: input.username?.trim() || null, mobile: input.mobile?.trim() || null }
  if (!out.password) delete out.password
  return out
}

export const userResource = defineResource<User, UserInput>({
  api: crudEndpoints<User, UserInput>('/users'),
  title: 'menu.users',
  i18n: 'user',
  columns: () => [
    { prop: 'name', label: 'user.name', minWidth: 100 },
    { prop: 'username', label: 'user.username', minWidth: 120 },
    { prop: 'mobile', label: 'user.mobile', width: 130 },
    { prop: 'status', label: 'user.status', width: 90, formatter: (r) => t(enumKey('userStatus', r.status)) },
    { prop: 'grants', label: 'user.grants', minWidth: 200, formatter: rolesHere },
  ],
  filters: [{ prop: 'status', label: 'user.status', enumKind: 'userStatus', values: USER_STATUSES }],
  fields: [
    { prop: 'name', label: 'user.name', widget: 'text', id: 'user-name' },
    { prop: 'username', label: 'user.username', widget: 'text', id: 'user-username', autocomplete: 'off' },
    {
      prop: 'mobile',
      label: 'user.mobile',
      widget: 'text',
      id: 'user-mobile',
      inputmode: 'tel',
      autocomplete: 'off',
      // The login mobile of an existing account is changed only by its holder (我的信息, with an SMS code).
      disabled: (record) => record !== null,
      hint: { text: 'user.mobileLockedHint', when: (record) => record !== null, test: 'user-mobile-locked' },
    },
    { prop: 'password', label: 'user.password', widget: 'password', id: 'user-password' },
    { prop: 'status', label: 'user.status', widget: 'choice', enumKind: 'userStatus', values: USER_STATUSES },
    { prop: 'must_change_password', label: 'user.mustChange', widget: 'switch' },
  ],
  options: {
    units: async () => (await allUnits()).map(({ id, name }) => ({ id, name })),
    specialCommittees: async () => (await allSpecialCommittees()).map(({ id, name }) => ({ id, name })),
    parties: async () => (await allParties()).map(({ id, name }) => ({ id, name })),
    sectors: async () => (await allSectors()).map(({ id, name }) => ({ id, name })),
  },
  rowDialogs: [{ label: 'user.manageGrants', dialog: markRaw(GrantsDialog) }],
  actionsWidth: 200,
  empty: () => ({ username: '', mobile: '', name: '', status: 'active', must_change_password: true, password: '' }),
  fromRecord: (u) => ({ username: u.username ?? '', mobile: u.mobile ?? '', name: u.name, status: u.status, must_change_password: u.must_change_password }),
  prepare: prepareUser,
  /** One of username and mobile; a valid mobile; a strong password, required when creating. */
  rules: (form, record) => ({
    username: [
      {
        validator: (_r, _v, cb) => (form().username || form().mobile ? cb() : cb(new Error(t('validation.usernameOrMobile')))),
        trigger: 'blur',
      },
    ],
    mobile: [{ validator: (_r, v: string, cb) => (!v || isMobile(v) ? cb() : cb(new Error(t('validation.mobile')))), trigger: 'blur' }],
    password: [
      {
        validator: (_r, v: string, cb) => {
          if (!v && record() !== null) return cb()
          return isStrongPassword(v ?? '') ? cb() : cb(new Error(t('validation.password')))
        },
        trigger: 'blur',
      },
    ],
  }),
})

// v-role="['admin']": removes the element unless the user holds one of the roles.
import type { Directive } from 'vue'
import type { RoleName } from '@/api/auth'
import { useAuthStore } from '@/stores/auth'

export const vRole: Directive<HTMLElement, RoleName[] | RoleName> = {
  mounted(el, binding) {
    const wanted = Array.isArray(binding.value) ? binding.value : [binding.value]
    if (!useAuthStore().hasAnyRole(wanted)) el.parentNode?.removeChild(el)
  },
}

// Server field errors shown inline on form items (`:error="errors.mobile"`).
import { reactive } from 'vue'
import { ApiError } from '@/api/client'

/** `errors` keyed by field; `capture(err)` keeps an ApiError's fields and answers whether it had any. */
export function useFormErrors() {
  const errors = reactive<Record<string, string>>({})

  function clear() {
    for (const key of Object.keys(errors)) delete errors[key]
  }

  function capture(err: unknown): boolean {
    clear()
    if (err instanceof ApiError && Object.keys(err.fields).length > 0) {
      Object.assign(errors, err.fields)
      return true
    }
    return false
  }

  return { errors, clear, capture }
}

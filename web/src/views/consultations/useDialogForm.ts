// What the consultation pages' form dialogs share: the values reset each time the dialog opens,
// field errors (checked here first, then the server's), the saving flag, and one `submit` that
// runs the request, says it is done, hands the answer on and closes, or keeps the dialog open
// with the server's field errors, its message, and a reload on a version conflict.
import { reactive, ref, watch, type Ref } from 'vue'
import { ElMessage } from 'element-plus'
import { useFormErrors } from '@/composables/useFormErrors'

export function useDialogForm<V extends object>(visible: Ref<boolean>, initial: () => V, onStale?: () => void) {
  const { errors, capture, clear } = useFormErrors()
  const saving = ref(false)
  const values = reactive(initial()) as V

  watch(visible, (open) => {
    if (!open) return
    clear()
    Object.assign(values, initial())
  })

  /** Marks `field` as missing with `message` when `missing`; answers whether it was. */
  function require(missing: boolean, field: string, message: string): boolean {
    if (missing) errors[field] = message
    return missing
  }

  /**
   * Runs `act` unless a check left an error; on success shows `success`, passes the answer to
   * `then` and closes the dialog.
   */
  async function submit<T>(act: () => Promise<T>, then: (answer: T) => void, success: string): Promise<boolean> {
    if (Object.keys(errors).length) return false
    saving.value = true
    try {
      const answer = await act()
      ElMessage.success(success)
      then(answer)
      visible.value = false
      return true
    } catch (err) {
      if (capture(err)) return false
      ElMessage.error((err as Error).message)
      if ((err as { code?: string }).code === 'version_conflict') onStale?.()
      return false
    } finally {
      saving.value = false
    }
  }

  return { values, errors, saving, clear, require, submit }
}

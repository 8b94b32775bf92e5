// The create/edit form of one record: its values, client validation, saving, server field errors.
import { reactive, ref, type Ref } from 'vue'
import type { FormInstance } from 'element-plus'
import { ElMessage } from 'element-plus'
import { t } from '@/locales'
import { useFormErrors } from './useFormErrors'

export interface EntityFormOptions<T extends { id: number }, Input extends object> {
  /** Values of a new record. */
  empty: () => Input
  /** Values of an existing record, for editing. */
  fromRecord: (record: T) => Input
  create: (input: Input) => Promise<T>
  update: (id: number, input: Input) => Promise<T>
  /** Last changes before sending (trimming, nulls for empty choices). */
  prepare?: (input: Input) => Input
}

/**
 * `formRef` is the component's template ref of its el-form. `reset(record)` fills the form
 * (null: new record); `submit()` answers the saved record, or null.
 */
export function useEntityForm<T extends { id: number }, Input extends object>(
  opts: EntityFormOptions<T, Input>,
  formRef: Ref<FormInstance | undefined>,
) {
  const form = reactive(opts.empty()) as Input
  const editingId = ref<number | null>(null)
  const saving = ref(false)
  const { errors, capture, clear } = useFormErrors()

  function reset(record: T | null) {
    clear()
    editingId.value = record ? record.id : null
    Object.assign(form, record ? opts.fromRecord(record) : opts.empty())
    formRef.value?.clearValidate()
  }

  async function submit(): Promise<T | null> {
    clear()
    const valid = await formRef.value?.validate().catch(() => false)
    if (valid === false) return null
    saving.value = true
    try {
      const input = opts.prepare ? opts.prepare({ ...form } as Input) : ({ ...form } as Input)
      const saved = editingId.value === null ? await opts.create(input) : await opts.update(editingId.value, input)
      ElMessage.success(t(editingId.value === null ? 'common.created' : 'common.saved'))
      return saved
    } catch (err) {
      capture(err)
      return null
    } finally {
      saving.value = false
    }
  }

  return { form, editingId, saving, errors, reset, submit }
}

/** A required-field rule whose message names the field (translated when shown). */
export function requiredRule(fieldKey: string, trigger: 'blur' | 'change' = 'blur') {
  return { required: true, message: () => t('validation.required', { field: t(fieldKey) }), trigger }
}

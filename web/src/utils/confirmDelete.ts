// Delete with a confirmation, showing the server's refusal (e.g. records still refer to it).
import { ElMessage, ElMessageBox } from 'element-plus'
import { ApiError } from '@/api/client'
import { i18n } from '@/locales'

/** Asks to confirm deleting `name`, runs `remove`, answers true when deleted. */
export async function confirmDelete(name: string, remove: () => Promise<unknown>): Promise<boolean> {
  const t = i18n.global.t
  try {
    await ElMessageBox.confirm(t('common.confirmDelete', { name }), t('common.confirmDeleteTitle'), {
      type: 'warning',
      confirmButtonText: t('common.delete'),
      cancelButtonText: t('common.cancel'),
    })
  } catch {
    return false
  }
  try {
    await remove()
  } catch (err) {
    const message = err instanceof ApiError ? err.message : t('common.serverError')
    await ElMessageBox.alert(message, t('common.deleteRefused'), { type: 'error', confirmButtonText: t('common.close') }).catch(() => {})
    return false
  }
  ElMessage.success(t('common.deleted'))
  return true
}

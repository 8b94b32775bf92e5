// Display formats shared by lists and details.

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

/** An ISO instant (e.g. 2026-11-29T01:22:40Z) as local "YYYY-MM-DD HH:mm:ss"; other text as is. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—'
  const d = new Date(value)
  if (Number.isNaN(d.getTime())) return value
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
}

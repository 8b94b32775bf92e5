// Pure input checks shared by forms and tests; the server checks again.

/** Mainland mobile number: 11 digits starting with 1. */
export function isMobile(value: string): boolean {
  return /^1\d{10}$/.test(value.trim())
}

/** The password rule: 8–64 characters with at least one letter and one digit. */
export function isStrongPassword(value: string): boolean {
  return value.length >= 8 && value.length <= 64 && /[A-Za-z]/.test(value) && /\d/.test(value)
}

/** A six-digit SMS code. */
export function isSmsCode(value: string): boolean {
  return /^\d{6}$/.test(value.trim())
}

/** A calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const d = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value)
}

/** True when both dates are given and `start` is after `end`. */
export function isDateRangeInverted(start: string, end: string): boolean {
  return Boolean(start && end && start > end)
}

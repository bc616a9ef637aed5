// Redaction rules of data_governance.redact: built-in names or user regexes.
import type { RedactRule } from '../model/types.js'

/** Deliberately broad: redacting a little too much is safer than leaking PII to a model. */
export const BUILTIN_REDACTIONS: Record<string, string> = {
  email: String.raw`[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}`,
  phone: String.raw`(?<![\w+])(?:\+\d{1,3}[\s.-]?\(?\d{1,4}\)?(?:[\s.-]?\d{2,4}){2,4}|\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4})(?!\w)`,
  card: String.raw`(?<!\d)(?:\d[ -]?){12,18}\d(?!\d)`,
  national_id: String.raw`\b(?:\d{3}-\d{2}-\d{4}|[A-CEGHJ-PR-TW-Z]{2}\d{6}[A-D])\b`
}

export type RedactEntry = string | { name: string; pattern: string }

/** The rule, or the reason it is unusable. */
export function toRedactRule(entry: RedactEntry): RedactRule | { error: string } {
  if (typeof entry === 'string') {
    const pattern = BUILTIN_REDACTIONS[entry]
    if (pattern === undefined) {
      return {
        error: `unknown redaction "${entry}" (built-in: ${Object.keys(BUILTIN_REDACTIONS).join(', ')}; or give { name, pattern })`
      }
    }
    return { name: entry, pattern }
  }
  try {
    new RegExp(entry.pattern, 'g')
  } catch (err) {
    return { error: `redaction "${entry.name}" has an invalid regular expression: ${(err as Error).message}` }
  }
  return { name: entry.name, pattern: entry.pattern }
}

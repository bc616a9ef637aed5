// Redaction rules of data_governance.redact: built-in names or user regexes.
import type { RedactEntry, RedactRule } from '../model/workflow.js'
import { BUILTIN_REDACTIONS } from '../redact/builtin-rules.js'

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
  return entry
}

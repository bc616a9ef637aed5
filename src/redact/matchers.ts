// How a redaction rule finds its matches. A built-in rule runs in time linear in its input: the
// `email` rule through a scanner, the others through regular expressions whose quantifiers are all
// bounded and whose lookbehinds stop a start inside a run of digits (test/redact/linear.test.ts);
// `card` keeps only the matches with a valid Luhn checksum.
// A user's own pattern runs as the regular expression it is.
import { BUILTIN_REDACTIONS } from './builtin-rules.js'
import type { RedactRule } from '../model/types.js'
import { cardSpans } from './card-scanner.js'
import { emailSpans } from './email-scanner.js'

export interface Matcher {
  /** `text` with every match replaced by `mark`. */
  replace(text: string, mark: string): string
  /** Whether anything in `text` matches. */
  test(text: string): boolean
}

type Spans = (text: string, first?: boolean) => [number, number][]

/**
 * A built-in rule's scanner; `holds`: a character every match holds, looked for before a test
 * scans (validate tests every string of its tasks, and most hold no `@`).
 */
const SCANNERS: Record<string, { spans: Spans; holds?: string }> = {
  email: { spans: emailSpans, holds: '@' },
  card: { spans: cardSpans }
}

export function matcherFor(rule: RedactRule): Matcher {
  const scanner = BUILTIN_REDACTIONS[rule.name] === rule.pattern ? SCANNERS[rule.name] : undefined
  if (scanner) return scannerMatcher(scanner.spans, scanner.holds)
  const global = new RegExp(rule.pattern, 'g')
  const once = new RegExp(rule.pattern)
  return {
    replace: (text, mark) => {
      global.lastIndex = 0
      return text.replace(global, () => mark)
    },
    test: (text) => once.test(text)
  }
}

function scannerMatcher(spans: Spans, holds: string | undefined): Matcher {
  const test = (text: string) => spans(text, true).length > 0
  return {
    replace: (text, mark) => {
      const found = spans(text)
      if (found.length === 0) return text
      let out = ''
      let last = 0
      for (const [start, end] of found) {
        out += text.slice(last, start) + mark
        last = end
      }
      return out + text.slice(last)
    },
    test: holds === undefined ? test : (text) => text.includes(holds) && test(text)
  }
}

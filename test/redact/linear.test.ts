// Issue 10, row 3: every built-in redaction rule is linear in its input. The `email` rule's
// regular expression took 97 s on a 160 KB base64 blob; the rules now take well under a second on
// 1 MB of the inputs that make a backtracking matcher slow. The bound is generous (the machine
// may be busy): this checks that nothing is quadratic, it is not a benchmark.
import { describe, expect, it } from '@jest/globals'
import { toRedactRule } from '../../src/load/redact.js'
import { BUILTIN_REDACTIONS } from '../../src/redact/builtin-rules.js'
import type { RedactRule } from '../../src/model/types.js'
import { emailSpans } from '../../src/redact/email-scanner.js'
import { createRedactor, findMatches } from '../../src/redact/redactor.js'

const MB = 1024 * 1024
const BOUND_MS = 1000

function base64Blob(bytes: number, encoding: 'base64' | 'base64url'): string {
  const data = Buffer.alloc(bytes)
  let x = 12345
  for (let i = 0; i < bytes; i++) {
    x = (x * 1103515245 + 12345) >>> 0
    data[i] = x >>> 24
  }
  return data.toString(encoding).slice(0, bytes)
}

const HOSTILE: Record<string, string> = {
  'a base64 blob': base64Blob(MB, 'base64'),
  // Every base64url character may stand in an e-mail's local part: one run of a megabyte.
  'a base64url blob': base64Blob(MB, 'base64url'),
  'a run of digits': '7'.repeat(MB),
  'a run of dots': '.'.repeat(MB),
  'a run of @': '@'.repeat(MB),
  'a run of letters': 'q'.repeat(MB),
  'digits and dashes': '1-'.repeat(MB / 2),
  'digits and spaces': '1 '.repeat(MB / 2),
  'plus and digits': '+1'.repeat(MB / 2),
  'local parts and @': 'a@'.repeat(MB / 2),
  'domains without a TLD': 'a@b.'.repeat(MB / 4),
  'a local run, then one @': 'x.'.repeat(MB / 2 - 8) + '@a.b.c1'
}

const rules = Object.keys(BUILTIN_REDACTIONS).map((name) => toRedactRule(name) as RedactRule)

describe('row 3: the built-in redaction rules on 1 MB inputs', () => {
  describe.each(rules.map((rule) => [rule.name, rule] as const))('%s', (_name, rule) => {
    const redact = createRedactor([rule])
    it.each(Object.keys(HOSTILE))('redacts and finds in %s in under a second', (input) => {
      const text = HOSTILE[input]
      const started = performance.now()
      redact.text(text)
      findMatches({ input: { text } }, [rule])
      expect(performance.now() - started).toBeLessThan(BOUND_MS)
    })
  })
})

// The scanner must find exactly what the rule's regular expression finds: compared on many
// random strings over the characters that matter (a seeded generator, so a failure repeats).
describe('the email scanner', () => {
  const regex = new RegExp(BUILTIN_REDACTIONS.email, 'g')
  const regexSpans = (text: string) => [...text.matchAll(regex)].map((m) => [m.index, m.index + m[0].length])
  const ALPHABET = 'ab.@-+_%1Z x.@cd'

  it('finds the same matches as the regular expression on 50,000 random strings', () => {
    let seed = 42
    const next = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32
    const differ: string[] = []
    for (let n = 0; n < 50_000; n++) {
      const length = Math.floor(next() * 30)
      let text = ''
      for (let i = 0; i < length; i++) text += ALPHABET[Math.floor(next() * ALPHABET.length)]
      if (JSON.stringify(emailSpans(text)) !== JSON.stringify(regexSpans(text))) differ.push(text)
    }
    expect(differ).toEqual([])
  })

  it.each([
    'write to ann.lee+refunds@example.co.uk today',
    'a@b.com@c.org',
    'x@foo.b1@bar.com',
    'a@b.com.x1 and c@d.ef',
    'no at sign here',
    '@example.com',
    'user@localhost',
    'ü@example.com and jo@exämple.com'
  ])('agrees on %j', (text) => {
    expect(emailSpans(text)).toEqual(regexSpans(text))
  })
})

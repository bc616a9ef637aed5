// findMatches walks one path, grown and shrunk, and copies it only where a rule matches
// (src/redact/redactor.ts); matchFinder compiles the rules once for many values. Both must give
// what the walk below (the earlier implementation: a new path array at every step) gives, on
// generated values with PII-like strings under ignored and other keys. Seeded.
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { toRedactRule } from '../../src/load/redact.js'
import type { RedactRule } from '../../src/model/types.js'
import { BUILTIN_REDACTIONS } from '../../src/redact/builtin-rules.js'
import { matcherFor } from '../../src/redact/matchers.js'
import { findMatches, matchFinder } from '../../src/redact/redactor.js'

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_204)
const RUNS = Number(process.env.FUZZ_RUNS ?? 1000)

function referenceFindMatches(
  value: unknown,
  rules: readonly RedactRule[],
  path: (string | number)[],
  ignore: readonly string[]
): { path: (string | number)[]; rule: string }[] {
  const matchers = rules.map((rule) => ({ name: rule.name, matcher: matcherFor(rule) }))
  const found: { path: (string | number)[]; rule: string }[] = []
  const walk = (inner: unknown, at: (string | number)[]): void => {
    if (typeof inner === 'string') {
      for (const { name, matcher } of matchers) if (matcher.test(inner)) found.push({ path: at, rule: name })
    } else if (Array.isArray(inner)) {
      inner.forEach((item, i) => walk(item, [...at, i]))
    } else if (inner !== null && typeof inner === 'object') {
      for (const [key, item] of Object.entries(inner)) if (!ignore.includes(key)) walk(item, [...at, key])
    }
  }
  walk(value, path)
  return found
}

const rules = [
  ...Object.keys(BUILTIN_REDACTIONS).map((name) => toRedactRule(name) as RedactRule),
  { name: 'ticket', pattern: 'TCK-\\d+' }
]
const KEYS = ['id', 'note', 'item_id', 'contact', '0']
const text = fc.constantFrom(
  'plain',
  'jo@example.com',
  '(415) 555-0100',
  '4111 1111 1111 1111',
  'TCK-42',
  '123-45-6789'
)
const { value } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'medium', withCrossShrink: true },
    text,
    fc.integer(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom(...KEYS), tie('value'), { maxKeys: 4 })
  )
}))

describe('findMatches, against a walk that copies the path at every step', () => {
  it('finds the same matches at the same paths, in the same order, ignored keys left alone', () => {
    let matched = 0
    fc.assert(
      fc.property(
        value,
        fc.subarray(KEYS),
        fc.constantFrom<(string | number)[][]>([], ['input']),
        (v, ignore, start) => {
          const expected = referenceFindMatches(v, rules, start, ignore)
          expect(findMatches(v, rules, start, ignore)).toEqual(expected)
          const find = matchFinder(rules, ignore)
          expect(find(v, start)).toEqual(expected)
          expect(find(v, start)).toEqual(expected) // a finder is used again and again
          if (expected.length > 0) matched++
        }
      ),
      { seed: SEED, numRuns: RUNS }
    )
    expect(matched).toBeGreaterThan(RUNS / 4)
  })
})

// Issue 15, item 7: the built-in rules stop flagging plain numeric ids (`phone` needs phone
// punctuation or a `+` country prefix, `card` a valid Luhn checksum), and workflow.yml
// `redact_ignore` leaves the values under its keys alone at any depth. Seeded properties, so a
// failure repeats.
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { toRedactRule } from '../../src/load/redact.js'
import type { RedactRule } from '../../src/model/types.js'
import { BUILTIN_REDACTIONS } from '../../src/redact/builtin-rules.js'
import { luhnValid } from '../../src/redact/card-scanner.js'
import { createRedactor, findMatches, workflowRedactor } from '../../src/redact/redactor.js'
import { registerSecret, scrubValue } from '../../src/util/secrets.js'

const SEED = 15
const RUNS = 300
const rule = (name: string) => toRedactRule(name) as RedactRule
const builtins = Object.keys(BUILTIN_REDACTIONS).map(rule)
const everyRule = createRedactor(builtins)
const phone = createRedactor([rule('phone')])
const card = createRedactor([rule('card')])
const check = (property: fc.IPropertyWithHooks<any>) => fc.assert(property, { seed: SEED, numRuns: RUNS })

const digits = (min: number, max = min) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((d) => d.join(''))

/** The digit that makes `body` + it pass the Luhn check. */
function checkDigit(body: string): number {
  for (let d = 0; d <= 9; d++) if (luhnValid(body + d)) return d
  throw new Error('unreachable')
}

describe('plain numeric ids', () => {
  it('a ten-digit id is flagged by no built-in rule, alone, in a sentence or in a field', () =>
    check(
      fc.property(digits(10), (id) => {
        expect(everyRule.text(id)).toBe(id)
        expect(everyRule.text(`product ${id} is in stock`)).toBe(`product ${id} is in stock`)
        expect(everyRule.value({ item: { product_id: id, ids: [id, Number(id)] } })).toEqual({
          item: { product_id: id, ids: [id, Number(id)] }
        })
        expect(findMatches({ product_id: id }, builtins)).toEqual([])
      })
    ))

  it('ids of 13 to 19 digits that fail the Luhn check are no card', () =>
    check(
      fc.property(digits(12, 18), fc.integer({ min: 1, max: 9 }), (body, offset) => {
        const id = body + ((checkDigit(body) + offset) % 10)
        expect(card.text(`order ${id}`)).toBe(`order ${id}`)
      })
    ))
})

describe('phone numbers', () => {
  const local = fc.tuple(digits(3), digits(3), digits(4))
  it('formatted with parentheses, dashes, dots or spaces are flagged', () =>
    check(
      fc.property(
        local,
        fc.constantFrom('(a) e-l', '(a)e-l', 'a-e-l', 'a.e.l', 'a e l', '(a) e l', 'a-el', 'ae-l'),
        ([a, e, l], format) => {
          const number = format.replace('a', a).replace('e', e).replace('l', l)
          expect(phone.text(`call ${number} today`)).toBe('call [REDACTED:phone] today')
        }
      )
    ))

  it('with a + country prefix they are flagged, written together or in groups', () =>
    check(
      fc.property(digits(1, 3), local, fc.constantFrom('', ' ', '-', '.'), (country, [a, e, l], sep) => {
        const number = `+${country}${sep}${a}${sep}${e}${sep}${l}`
        expect(phone.text(`call ${number}, thanks`)).toBe('call [REDACTED:phone], thanks')
      })
    ))

  it('the same digits without punctuation or + are left alone', () =>
    check(
      fc.property(local, ([a, e, l]) => {
        expect(phone.text(`ref ${a}${e}${l}`)).toBe(`ref ${a}${e}${l}`)
      })
    ))
})

describe('card numbers', () => {
  const grouped = (number: string, sep: string) => number.match(/.{1,4}/g)!.join(sep)
  it('with a valid Luhn checksum are flagged, bare, in groups of four with spaces or dashes', () =>
    check(
      fc.property(digits(12, 18), fc.constantFrom('', ' ', '-'), (body, sep) => {
        const number = grouped(body + checkDigit(body), sep)
        expect(card.text(`card ${number} exp 12/29`)).toBe('card [REDACTED:card] exp 12/29')
        expect(findMatches({ note: number }, [rule('card')])).toEqual([{ path: ['note'], rule: 'card' }])
      })
    ))

  it('with a wrong check digit are not', () =>
    check(
      fc.property(digits(12, 18), fc.integer({ min: 1, max: 9 }), fc.constantFrom('', ' ', '-'), (body, off, sep) => {
        const number = grouped(body + ((checkDigit(body) + off) % 10), sep)
        expect(card.text(`card ${number}`)).toBe(`card ${number}`)
      })
    ))

  it('the usual test numbers', () => {
    expect(card.text('4111 1111 1111 1111')).toBe('[REDACTED:card]')
    expect(card.text('5555-5555-5555-4444')).toBe('[REDACTED:card]')
    expect(card.text('378282246310005')).toBe('[REDACTED:card]')
    expect(card.text('4111 1111 1111 1112')).toBe('4111 1111 1111 1112')
  })
})

describe('redact_ignore', () => {
  const email = fc
    .tuple(fc.constantFrom('ann', 'bo.lee', 'x+y'), fc.constantFrom('example.com', 'mail.example.org'))
    .map(([user, domain]) => `${user}@${domain}`)
  /** A path of keys and list indexes down to where the ignored key sits. */
  const path = fc.array(fc.oneof(fc.constantFrom('order', 'items', 'meta', 'line'), fc.nat({ max: 2 })), {
    maxLength: 6
  })

  function nest(steps: (string | number)[], leaf: Record<string, unknown>): unknown {
    return steps.reduceRight<unknown>(
      (inner, step) => (typeof step === 'number' ? [...Array(step).fill('pad'), inner] : { [step]: inner }),
      leaf
    )
  }

  it('values under an ignored key, at any depth, are left as they are; their siblings are redacted', () =>
    check(
      fc.property(path, email, fc.boolean(), (steps, address, structured) => {
        const ignoredValue = structured ? { contact: address, list: [address, { deeper: address }] } : address
        const value = nest(steps, { item_id: ignoredValue, note: `mail ${address}` })
        const redactor = workflowRedactor({
          data_governance: { redact: builtins },
          redact_ignore: ['item_id', 'product_id']
        })
        const expected = nest(steps, { item_id: ignoredValue, note: 'mail [REDACTED:email]' })
        expect(redactor.value(value)).toEqual(expected)
        // Without the ignore list, everything is redacted.
        expect(JSON.stringify(createRedactor(builtins).value(value))).not.toContain(address)
        // validate's PII warnings follow the same list.
        const found = findMatches(value, builtins, [], ['item_id'])
        expect(found).toEqual([{ path: [...steps, 'note'], rule: 'email' }])
      })
    ))

  it('does not apply to text, nor to secrets: those are scrubbed under an ignored key too', () => {
    const redactor = createRedactor(builtins, ['item_id'])
    expect(redactor.text('item_id: ann@example.com')).toBe('item_id: [REDACTED:email]')
    registerSecret('sk-test-redact-ignore-0123456789')
    const scrubbed = scrubValue(redactor.value({ item_id: 'sk-test-redact-ignore-0123456789' }))
    expect(JSON.stringify(scrubbed)).not.toContain('sk-test-redact-ignore-0123456789')
  })
})

import { describe, expect, it } from '@jest/globals'
import { createRedactor, findMatches } from '../../src/redact/redactor.js'
import { toRedactRule } from '../../src/load/redact.js'
import { BUILTIN_REDACTIONS } from '../../src/redact/builtin-rules.js'
import type { RedactRule } from '../../src/model/types.js'

const builtins: RedactRule[] = Object.keys(BUILTIN_REDACTIONS).map((name) => toRedactRule(name) as RedactRule)
const redact = createRedactor(builtins)

describe('redaction', () => {
  it.each([
    ['email', 'write to ann.lee+refunds@example.co.uk today', 'write to [REDACTED:email] today'],
    ['phone', 'call me on +44 20 7946 0958 please', 'call me on [REDACTED:phone] please'],
    ['phone', 'or (415) 555-0100', 'or [REDACTED:phone]'],
    ['card', 'card 4111 1111 1111 1111 exp 12/29', 'card [REDACTED:card] exp 12/29'],
    ['card', 'card 4111-1111-1111-1111', 'card [REDACTED:card]'],
    ['national_id', 'SSN 123-45-6789', 'SSN [REDACTED:national_id]'],
    ['national_id', 'NI number AB123456C', 'NI number [REDACTED:national_id]']
  ])('the built-in %s rule redacts %j', (_rule, text, expected) => {
    expect(redact.text(text)).toBe(expected)
  })

  it('leaves task ids, order and customer ids, amounts and dates alone', () => {
    const safe = [
      't2-partial-refund-001',
      'ORD-88123',
      'CUST-8610',
      'TCK-494717',
      'SKU-1002',
      'refund 25.98 USD of 1,249.00',
      'delivered 2025-05-28T10:00:00Z',
      'order 12345678',
      'amount=250'
    ]
    for (const text of safe) expect(redact.text(text)).toBe(text)
  })

  it('applies user regexes, and walks nested JSON without touching keys or non-strings', () => {
    const custom = createRedactor([...builtins, { name: 'loyalty_id', pattern: 'LOY-\\d{6}' }])
    const value = {
      email: 'x@example.com',
      customer: { notes: ['loyalty LOY-123456', { phone: '(415) 555-0100' }], amount: 25, vip: true, none: null }
    }
    expect(custom.value(value)).toEqual({
      email: '[REDACTED:email]',
      customer: {
        notes: ['loyalty [REDACTED:loyalty_id]', { phone: '[REDACTED:phone]' }],
        amount: 25,
        vip: true,
        none: null
      }
    })
    expect(value.email).toBe('x@example.com') // the original is not changed
  })

  it('is a no-op without rules', () => {
    const none = createRedactor([])
    expect(none.active).toBe(false)
    const value = { email: 'x@example.com' }
    expect(none.value(value)).toBe(value)
  })

  it('finds where a value matches, for validate', () => {
    expect(
      findMatches({ message: 'mail a@b.io', items: [{ note: '4111 1111 1111 1111' }] }, builtins, ['input'])
    ).toEqual([
      { path: ['input', 'message'], rule: 'email' },
      { path: ['input', 'items', 0, 'note'], rule: 'card' }
    ])
  })
})

import { describe, expect, it } from '@jest/globals'
import { toRedactRule } from '../../src/load/redact.js'
import { BUILTIN_REDACTIONS } from '../../src/redact/builtin-rules.js'

const redacts = (name: string, text: string) => new RegExp(BUILTIN_REDACTIONS[name], 'g').test(text)

describe('built-in redactions', () => {
  it('find what they are named for', () => {
    expect(redacts('email', 'write to ann.lee+x@example.co.uk today')).toBe(true)
    expect(redacts('phone', 'call +44 20 7946 0958')).toBe(true)
    expect(redacts('phone', 'call (415) 555-0100')).toBe(true)
    expect(redacts('card', 'card 4111 1111 1111 1111')).toBe(true)
    expect(redacts('national_id', 'ssn 123-45-6789')).toBe(true)
  })

  it('leave dates, order numbers and amounts alone', () => {
    expect(redacts('phone', 'on 2024-01-31, order 12345, 49.99 EUR')).toBe(false)
    expect(redacts('card', 'order 12345678')).toBe(false)
  })

  it('an unknown name or a bad regex is an error', () => {
    expect(toRedactRule('ssn')).toEqual({ error: expect.stringContaining('unknown redaction "ssn"') })
    expect(toRedactRule({ name: 'x', pattern: '(' })).toEqual({
      error: expect.stringContaining('redaction "x" has an invalid regular expression')
    })
    expect(toRedactRule({ name: 'x', pattern: 'A\\d+' })).toEqual({ name: 'x', pattern: 'A\\d+' })
  })
})

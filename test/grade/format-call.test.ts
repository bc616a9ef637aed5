import { describe, expect, it } from '@jest/globals'
import { formatCall } from '../../src/grade/index.js'
import { formatValue } from '../../src/grade/format-call.js'

describe('formatCall', () => {
  it.each([
    ['issue_refund', { order_id: 'A-1', amount: 25 }, 'issue_refund(amount=25, order_id="A-1")'],
    ['lookup_order', {}, 'lookup_order()'],
    ['lookup_order', undefined, 'lookup_order()'],
    [
      'send_email',
      { to: 'x', cc: ['a', 'b'], meta: { urgent: true } },
      'send_email(cc=["a","b"], meta={"urgent":true}, to="x")'
    ],
    ['echo', 'plain text', 'echo("plain text")'],
    ['echo', [1, 2], 'echo([1,2])'],
    ['echo', null, 'echo(null)'],
    ['flag', { on: false, none: null }, 'flag(none=null, on=false)']
  ])('%s %j', (tool, args, text) => {
    expect(formatCall(tool, args)).toBe(text)
  })

  it('cuts long values short', () => {
    const text = formatCall('send_email', { body: 'x'.repeat(500) })
    expect(text.length).toBeLessThan(100)
    expect(text).toMatch(/…\)$/)
  })

  it('formats undefined values readably', () => {
    expect(formatValue(undefined)).toBe('undefined')
  })
})

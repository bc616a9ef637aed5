import { describe, expect, it } from '@jest/globals'
import { inertText } from '../../src/report/inert-text.js'

describe('inertText', () => {
  it.each([
    ['ping @acme/agent-owners and @bob', 'ping @\u200bacme/agent-owners and @\u200bbob'],
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)>'],
    ['</table><!-- x --> <https://evil.example>', '&lt;/table>&lt;!-- x --> &lt;https://evil.example>'],
    [
      '[click](https://evil.example) ![p](https://e.example/p.png)',
      '\\[click\\](https://evil.example) !\\[p\\](https://e.example/p.png)'
    ],
    ['`code` and \\[', '\\`code\\` and \\\\\\['],
    ['&#64;acme/team &amp; a & b', '&amp;#64;acme/team &amp;amp; a & b'],
    ['two\nlines \u202eevil\u200b', 'two lines evil'],
    ['T2 76.0% < 80%, a@b.example', 'T2 76.0% < 80%, a@\u200bb.example']
  ])('%j', (text, inert) => {
    expect(inertText(text)).toBe(inert)
  })

  it('escapes every angle bracket and ampersand when asked', () => {
    expect(inertText('a < b & c > d', true)).toBe('a &lt; b &amp; c &gt; d')
  })
})

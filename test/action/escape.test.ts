import { describe, expect, it } from '@jest/globals'
import { escapeUserText, MAX_REASON_LENGTH } from '../../src/action/escape.js'

describe('escapeUserText', () => {
  it('keeps an ordinary reason readable', () => {
    expect(escapeUserText('  flaky fixture,\n tracked in #123  ')).toBe('flaky fixture, tracked in #123')
  })

  it('breaks workflow commands, mentions and HTML comments', () => {
    const out = escapeUserText('::set-output name=decision::pass @acme/agent-owners <!-- evalgate:state {} -->')
    expect(out).not.toMatch(/::/)
    expect(out).not.toMatch(/@[\w]/)
    expect(out).not.toContain('<!--')
    expect(out).not.toContain('-->')
    expect(out).toContain('@\u200bacme/agent-owners')
  })

  it('keeps text on one line, so nothing can start a line', () => {
    expect(escapeUserText('ok\n::error::boom\r\n#title')).not.toMatch(/\n/)
  })

  it('escapes markdown and HTML', () => {
    expect(escapeUserText('<img src=x onerror=y> **bold** [link](http://x) `code` a|b')).toBe(
      '&lt;img src=x onerror=y&gt; \\*\\*bold\\*\\* \\[link\\](http://x) \\`code\\` a\\|b'
    )
  })

  it('drops control and bidi characters', () => {
    expect(escapeUserText('a\u0000b\u202ec\u200bd')).toBe('abcd')
  })

  it('caps the length', () => {
    const out = escapeUserText('x'.repeat(5000))
    expect(out.length).toBe(MAX_REASON_LENGTH)
    expect(out.endsWith('…')).toBe(true)
  })
})

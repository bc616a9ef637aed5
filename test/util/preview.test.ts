import { describe, expect, it } from '@jest/globals'
import { preview, previewTail } from '../../src/util/preview.js'
import { registerSecret, scrubSecrets, scrubValue } from '../../src/util/secrets.js'

const SECRET = 'sk-PreviewUnitSecretQwErTyUiOp'
registerSecret(SECRET)

/** Every 8-character piece of the secret, none of which may be shown. */
const pieces = Array.from({ length: SECRET.length - 7 }, (_, i) => SECRET.slice(i, i + 8))
const holdsPart = (text: string) => pieces.some((p) => text.includes(p))

describe('preview', () => {
  it('scrubs before it cuts, wherever the cut falls in the secret', () => {
    for (let at = 150; at <= 200; at++) {
      const text = 'a'.repeat(at) + SECRET + 'b'.repeat(500)
      const shown = preview(text, 200, { mark: '...' })
      expect(holdsPart(shown)).toBe(false)
      expect(shown.endsWith('...')).toBe(true)
      expect(shown.length).toBe(203)
    }
  })

  it('leaves short text as it is, and counts the mark inside when asked', () => {
    expect(preview('short', 10)).toBe('short')
    expect(preview('0123456789abc', 10, { markInside: true })).toBe('012345678…')
    expect(preview('0123456789abc', 10, { mark: '...' })).toBe('0123456789...')
    expect(preview(`x ${SECRET}`, 100)).toBe('x ***')
  })

  it('looks at a window only, yet never shows part of a secret that the window cuts', () => {
    // Many secrets before the cut shrink the text; the one after them must not slip in half-scrubbed.
    const text = `${SECRET} `.repeat(40) + SECRET + 'z'.repeat(5_000_000)
    const shown = preview(text, 200, { mark: '' })
    expect(holdsPart(shown)).toBe(false)
    expect(shown.length).toBe(200)
    expect(shown.startsWith('*** *** ***')).toBe(true)
  })

  it('a tail that was itself cut shows nothing of a secret whose start was dropped', () => {
    const cutText = SECRET.slice(5) + 'e'.repeat(50)
    // The first characters that could be the rest of a secret are dropped.
    expect(previewTail(cutText, 100, true)).toBe('e'.repeat(cutText.length - SECRET.length))
    expect(holdsPart(previewTail(cutText, 100, true))).toBe(false)
    expect(previewTail('abc' + SECRET + 'tail', 6)).toBe('**tail')
  })
})

describe('secrets', () => {
  it('scrubs a secret in its JSON-escaped form too', () => {
    const odd = 'pw"with\\quote-0123'
    registerSecret(odd)
    expect(scrubSecrets(JSON.stringify({ odd }))).toBe('{"odd":"***"}')
  })

  it('scrubValue copies every string scrubbed, keeps key order and __proto__ as data, at any depth', () => {
    const value = JSON.parse(`{"b":"${SECRET}","a":["x ${SECRET}",1,null,true],"__proto__":{"polluted":"${SECRET}"}}`)
    const clean = scrubValue(value)
    expect(JSON.stringify(clean)).toBe('{"b":"***","a":["x ***",1,null,true],"__proto__":{"polluted":"***"}}')
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(value.b).toBe(SECRET)

    let deep: unknown = SECRET
    for (let i = 0; i < 100_000; i++) deep = [deep]
    let inner = scrubValue(deep)
    for (let i = 0; i < 100_000; i++) inner = (inner as unknown[])[0]
    expect(inner).toBe('***')
  })
})

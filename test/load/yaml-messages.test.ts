import { describe, expect, it } from '@jest/globals'
import { decodeUserText } from '../../src/util/read-text.js'
import { jsonMessage, yamlMessage } from '../../src/util/yaml-messages.js'

describe('yamlMessage', () => {
  it("passes the parser's fixed sentences on, and replaces any that could quote the file", () => {
    expect(yamlMessage('Map keys must be unique', 'DUPLICATE_KEY')).toBe('Map keys must be unique')
    expect(yamlMessage('Missing , between flow map items', 'MISSING_CHAR')).toBe('Missing , between flow map items')
    expect(yamlMessage('Unresolved plain scalar "root:x:0:0"', 'BAD_SCALAR_START')).toBe(
      'a plain value that starts with a reserved character (quote it)'
    )
    expect(yamlMessage('Not a YAML token: SECRET', 'UNEXPECTED_TOKEN')).toBe('text where YAML does not allow it')
    expect(yamlMessage('Unknown directive %SECRET', undefined)).toBe('not valid YAML')
  })

  it("keeps JSON.parse's position, never its snippet of the input", () => {
    expect(jsonMessage('Unexpected token \'r\', "root:x:0:0" is not valid JSON')).toBe('unexpected text')
    expect(jsonMessage('Unexpected token r in JSON at position 0')).toBe('unexpected text at position 0')
    expect(jsonMessage('Unterminated string in JSON at position 4')).toBe('Unterminated string in JSON at position 4')
  })
})

describe('decodeUserText', () => {
  it.each([
    ['a lone continuation byte', [0x61, 0x0a, 0x80], 2, 2],
    ['a truncated sequence at the end', [0x61, 0x0a, 0x0a, 0xe2, 0x82], 3, 3],
    ['an overlong encoding', [0xc0, 0xaf], 1, 0],
    ['a surrogate', [0x0a, 0xed, 0xa0, 0x80], 2, 1]
  ])('%s: the line and offset of the first bad byte', (_name, bytes, line, offset) => {
    const read = decodeUserText(Uint8Array.from(bytes), 'f.yaml')
    expect(read.ok).toBe(false)
    if (!read.ok) {
      expect(read.problem.line).toBe(line)
      expect(read.problem.message).toContain(`at offset ${offset}`)
    }
  })

  it('accepts UTF-8 text, a BOM and multi-byte characters', () => {
    expect(decodeUserText(Buffer.from('\ufeffcafé: 😀\n'), 'f.yaml')).toEqual({ ok: true, text: 'café: 😀\n' })
  })
})

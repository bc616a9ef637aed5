import { describe, expect, it } from '@jest/globals'
import { canonicalJson } from '../../src/llm/canonical-json.js'
import { findJsonObject } from '../../src/llm/json-in-text.js'

describe('findJsonObject', () => {
  it('reads a whole JSON object', () => {
    expect(findJsonObject(' {"a": 1} ')).toEqual({ ok: true, value: { a: 1 } })
  })

  it('finds the first object in prose, skipping braces that are not JSON and braces inside strings', () => {
    const text = 'Thinking {about it}... Final: {"label": "x", "message": "use {braces} and \\"quotes\\""} done'
    expect(findJsonObject(text)).toEqual({ ok: true, value: { label: 'x', message: 'use {braces} and "quotes"' } })
  })

  it('finds an object after an unclosed brace', () => {
    expect(findJsonObject('a { b {"label": "x"}')).toEqual({ ok: true, value: { label: 'x' } })
  })

  it('does not take an array, a number or prose for an object', () => {
    expect(findJsonObject('[1, 2]')).toEqual({ ok: false })
    expect(findJsonObject('42')).toEqual({ ok: false })
    expect(findJsonObject('I approve.')).toEqual({ ok: false })
    expect(findJsonObject('')).toEqual({ ok: false })
  })
})

describe('canonicalJson', () => {
  it('gives equal text for equal values whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [2, { e: 0, f: 1 }] }, b: 1 })
    )
    expect(canonicalJson({ b: 1, a: undefined })).toBe('{"b":1}')
  })
})

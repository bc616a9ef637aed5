// firstDuplicateKey jumps from token to token with native string search (src/load/json-duplicate-keys.ts);
// it must answer as the plain character loop below (its earlier implementation) does, on generated
// JSON: objects with and without repeated keys, keys written with escapes ("a\u0062" is "ab"),
// nested lists and objects, strings holding quotes, backslashes, brackets and colons, any spacing.
// Seeded; FUZZ_SEED and FUZZ_RUNS explore further.
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { firstDuplicateKey } from '../../src/load/json-duplicate-keys.js'

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_202)
const RUNS = Number(process.env.FUZZ_RUNS ?? 3000)

/** The reference: one character at a time. */
function referenceDuplicateKey(json: string): string | undefined {
  const open: (Set<string> | null)[] = []
  for (let i = 0; i < json.length; i++) {
    const ch = json.charCodeAt(i)
    if (ch === 0x7b) open.push(new Set())
    else if (ch === 0x5b) open.push(null)
    else if (ch === 0x7d || ch === 0x5d) open.pop()
    else if (ch === 0x22) {
      const end = referenceStringEnd(json, i)
      const keys = open[open.length - 1]
      if (keys && referenceColonNext(json, end + 1)) {
        const raw = json.slice(i + 1, end)
        const key = raw.includes('\\') ? (JSON.parse(json.slice(i, end + 1)) as string) : raw
        if (keys.has(key)) return key
        keys.add(key)
      }
      i = end
    }
  }
  return undefined
}

function referenceStringEnd(json: string, start: number): number {
  for (let i = start + 1; i < json.length; i++) {
    const ch = json.charCodeAt(i)
    if (ch === 0x5c) i++
    else if (ch === 0x22) return i
  }
  return json.length
}

function referenceColonNext(json: string, from: number): boolean {
  for (let i = from; i < json.length; i++) {
    const ch = json.charCodeAt(i)
    if (ch === 0x3a) return true
    if (ch !== 0x20 && ch !== 0x09 && ch !== 0x0a && ch !== 0x0d) return false
  }
  return false
}

/** A JSON value whose objects are lists of entries, so that a key may be given twice. */
type Tree = string | number | boolean | null | { list: Tree[] } | { entries: [string, Tree][] }

// Few characters, so that keys repeat; those JSON escapes, and those that look like JSON's own.
const CHARS = [
  'a',
  'b',
  'ab',
  '"',
  '\\',
  '\\"',
  '{',
  '}',
  '[',
  ']',
  ':',
  ',',
  ' ',
  '\n',
  '\t',
  'é',
  '😀',
  '\u0001',
  '/'
]
const text = fc.array(fc.constantFrom(...CHARS), { maxLength: 4 }).map((parts) => parts.join(''))

const { tree } = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.record({ list: fc.array(tie('tree'), { maxLength: 4 }) }),
    fc.record({ entries: fc.array(fc.tuple(text, tie('tree')), { maxLength: 5 }) })
  )
}))

/** The characters of a JSON text in varied spellings, chosen by `choose` (0, 1 or 2). */
function writeJson(value: Tree, choose: () => number): string {
  const space = () => ['', ' ', '\n\t '][choose()]
  const writeString = (s: string) => `"${[...s].map((ch) => escapeChar(ch, choose())).join('')}"`
  const write = (v: Tree): string => {
    if (typeof v === 'string') return writeString(v)
    if (typeof v !== 'object' || v === null) return String(v)
    if ('list' in v) return `[${space()}${v.list.map((x) => write(x) + space()).join(`,${space()}`)}]`
    const entries = v.entries.map(([k, x]) => `${space()}${writeString(k)}${space()}:${space()}${write(x)}${space()}`)
    return `{${entries.join(',')}}`
  }
  return space() + write(value) + space()
}

function escapeChar(ch: string, style: number): string {
  const units = Array.from({ length: ch.length }, (_, i) => ch.charCodeAt(i))
  const unicode = units.map((unit) => `\\u${unit.toString(16).padStart(4, '0')}`).join('')
  if (ch === '"' || ch === '\\') return style === 0 ? `\\${ch}` : unicode
  if (units[0] < 0x20) return style === 0 ? JSON.stringify(ch).slice(1, -1) : unicode
  if (ch === '/' && style === 1) return '\\/'
  return style === 2 ? unicode : ch
}

/** Choices from a seed: the same tree is written in many spellings. */
function chooser(seed: number): () => number {
  let state = seed >>> 0 || 1
  return () => {
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    return (state >>> 0) % 3
  }
}

/** An object holding `tree` under a key written twice, once plainly and once escaped. */
const twice = (tree: Tree): Tree => ({
  entries: [
    ['ab', 1],
    ['x', tree],
    ['ab', 2]
  ]
})

describe('firstDuplicateKey, against a character loop', () => {
  it('answers alike on generated JSON, with and without repeated keys', () => {
    const seen = { duplicate: 0, none: 0 }
    fc.assert(
      fc.property(tree, fc.integer(), fc.boolean(), (value, seed, wrap) => {
        const json = writeJson(wrap ? twice(value) : value, chooser(seed))
        JSON.parse(json) // valid JSON, as firstDuplicateKey is given
        const expected = referenceDuplicateKey(json)
        expect(firstDuplicateKey(json)).toBe(expected)
        seen[expected === undefined ? 'none' : 'duplicate']++
      }),
      { seed: SEED, numRuns: RUNS }
    )
    expect(seen.duplicate).toBeGreaterThan(RUNS / 4)
    expect(seen.none).toBeGreaterThan(RUNS / 10)
  })

  it('reads an escaped key as the key it spells, wherever the escapes and their backslashes fall', () => {
    expect(firstDuplicateKey('{"ab":1,"a\\u0062":2}')).toBe('ab')
    expect(firstDuplicateKey('{"a\\\\":1,"b":{"a\\\\":2},"a\\u005c":3}')).toBe('a\\')
    expect(firstDuplicateKey('{"q\\"":1, "q\\u0022" :2}')).toBe('q"')
    expect(firstDuplicateKey('{"\\\\\\"":1,"\\\\\\u0022":2}')).toBe('\\"')
    expect(firstDuplicateKey('{"a":"\\\\","b":"\\\\\\\\","a" :0}')).toBe('a')
    expect(firstDuplicateKey('{"k":"\\":"}')).toBeUndefined()
  })
})

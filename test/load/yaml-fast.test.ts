// The quick reader takes a file only where it reads it as the yaml package does
// (src/load/yaml-fast.ts): wherever the quick reading is taken, it must give the same values, the
// same problems (none) and the same line for every part as the yaml package. Checked on every YAML
// and JSON file of the repository and on generated texts: values written in many styles, then
// mutated with the characters YAML gives meaning to, and texts put together line by line from the
// pieces of block YAML. Seeded; FUZZ_SEED and FUZZ_RUNS explore further.
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { dump } from 'js-yaml'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { stringify } from 'yaml'
import type { Located, Path } from '../../src/load/located.js'
import { parseYamlSlowly } from '../../src/load/yaml-slow.js'
import { readYamlQuickly } from '../../src/load/yaml-fast.js'
import { MAX_FILE_DEPTH, shapeProblems } from '../../src/util/value-shape.js'

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_201)
const RUNS = Number(process.env.FUZZ_RUNS ?? 1500)
const ROOT = path.resolve(import.meta.dirname, '../..')

/** 'quick' when the quick reading was taken (and agreed), 'slow' when it declined. */
function compare(text: string): 'quick' | 'slow' {
  const slow = parseYamlSlowly(text, 'f.yaml')
  const quick = readYamlQuickly(text, MAX_FILE_DEPTH)
  if (!quick) return 'slow'
  // read-data-file.ts takes a reading without walking it: it must hold no value with a shape problem.
  expect(quick.flatMap((at) => shapeProblems(at.value, MAX_FILE_DEPTH, true))).toEqual([])
  expect(slow.problems).toEqual([])
  expect(quick.map((v) => v.value)).toEqual(slow.values.map((v) => v.value))
  quick.forEach((value, i) => expectSameLines(value, slow.values[i], []))
  return 'quick'
}

/** Every part's line, every key's line, a missing part's line and every element's, alike. */
function expectSameLines(quick: Located, slow: Located, path: Path): void {
  expect({ path, line: quick.line }).toEqual({ path, line: slow.line })
  const parts: Path[] = []
  const keys: [Path, string][] = []
  const walk = (value: unknown, at: Path) => {
    parts.push(at)
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...at, i]))
    else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        keys.push([at, k])
        walk(v, [...at, k])
      }
      keys.push([at, 'no such key'])
    }
    parts.push([...at, 'no such part', 0])
  }
  walk(quick.value, [])
  // A long file: a spread of its parts (the yaml package's lookups are linear in a map's size).
  const step = Math.max(1, Math.floor(parts.length / 300))
  for (const part of parts.filter((_, i) => i % step === 0))
    expect({ path, part, line: quick.lineOf(part) }).toEqual({ path, part, line: slow.lineOf(part) })
  for (const [at, key] of keys.filter((_, i) => i % step === 0))
    expect({ path, at, key, line: quick.keyLineOf(at, key) }).toEqual({ path, at, key, line: slow.keyLineOf(at, key) })
  const quickElements = quick.elements()
  const slowElements = slow.elements()
  expect(quickElements.length).toBe(slowElements.length)
  quickElements.forEach((element, i) => expectSameLines(element, slowElements[i], [...path, i]))
}

/** Block scalars, comments, quoting, compact and same-indent lists: what generated values rarely hold. */
const HAND_WRITTEN = `# a task
- id: t-1   # trailing
  description: >-
    folded
    text

    after a blank line
  note: |+
    kept

  literal: |
    line one
      indented more
    # not a comment

  "quoted key": 'single ''q'''
  "escaped \\"key\\"": "tab\\tand \\u00e9"
  empty:
  # a comment between keys
  list:
  - a
  -   b: c
      d: [e, {f: g}, "h, i", 'j']
  - - nested
    - list
  flow: { h: i, j: [k, l], scopes: [orders:read] }
  multi: plain
    continued

    after a blank line
  numbers: [0, -0, +12, 0o17, 0x1F, 1.5, .5, 1., 1e3, -.inf, .NaN]
  words: [~, null, True, FALSE, yes, 2025-06-01]
- id: t-2
`

/** What the quick reader leaves to the yaml package. */
const DECLINED = [
  'a: !!str 1',
  'a: !custom x',
  'a: &x 1\nb: *x',
  '%YAML 1.2\n---\na: 1',
  'a: 1\n---\nb: 2\n',
  'a: 1\n...\n',
  '? explicit key\n: explicit value\n',
  `${'k'.repeat(1001)}: 1`,
  'a: [1,\n  2]\n',
  'a: {b: 1,\n}\n',
  '- [1,\n]\n',
  'a: "over\n  two lines"\n',
  'a: |2\n   indicated\n',
  'a: 12345678901234567890\n',
  'a: 1\nA: 2\na: 3\n',
  'a:\tb\n',
  '\ta: 1\n',
  'a: b: c\n',
  'a: "\\x41"\n',
  'a: |\n  no final line break',
  '__proto__: 1\n',
  'a: {__proto__: 1}\n',
  nestedBlock(MAX_FILE_DEPTH + 1),
  nestedFlow(MAX_FILE_DEPTH + 1)
]

/** Maps nested `depth` deep in block style: `k:` on each line, one more space of indent each time. */
function nestedBlock(depth: number): string {
  return Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}k:${i === depth - 1 ? ' 1' : ''}\n`).join('')
}

/** Lists nested `depth` deep in flow style, under a key of a block map. */
function nestedFlow(depth: number): string {
  return `a: ${'['.repeat(depth - 1)}1${']'.repeat(depth - 1)}\n`
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    if (name === 'node_modules' || name.startsWith('.')) return []
    if (statSync(full).isDirectory()) return filesUnder(full)
    return /\.(ya?ml|json)$/i.test(name) ? [full] : []
  })
}

describe('the quick YAML reader, where it reads as the yaml package does', () => {
  it("agrees with the yaml package on every YAML and JSON file of the repository, and reads the example's task files", () => {
    const files = ['golden-tasks', 'examples', 'test', 'schemas'].flatMap((dir) => filesUnder(path.join(ROOT, dir)))
    expect(files.length).toBeGreaterThan(20)
    const quick = files.filter((file) => compare(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) === 'quick')
    const tasks = filesUnder(path.join(ROOT, 'golden-tasks'))
    expect(tasks.filter((file) => !quick.includes(file))).toEqual([])
  })

  it('declines what it might read differently: tags, anchors, several documents, explicit keys, a flow over lines in a block', () => {
    for (const text of DECLINED) expect({ text, reading: compare(text) }).toEqual({ text, reading: 'slow' })
    for (const text of [
      HAND_WRITTEN,
      HAND_WRITTEN.replaceAll('\n', '\r\n'),
      '- {a: 1}\n- [b, "c"]\n',
      '{"a": [1,\n2]}\n',
      '---\n- a\n',
      // Not YAML's white space: a no-break space, an ideographic space, a lone surrogate.
      'a: b\u00a0\n\u00a0c: 1\nd: x \u3000# not a comment\ne: \ud800x\n',
      '# only a comment\n',
      '',
      nestedBlock(MAX_FILE_DEPTH),
      nestedFlow(MAX_FILE_DEPTH)
    ])
      expect({ text, reading: compare(text) }).toEqual({ text, reading: 'quick' })
  })

  it('agrees on texts put together line by line from the pieces of block YAML', () => {
    const piece = fc.constantFrom(
      'key:',
      'key: value',
      'other: 1',
      'k2: "q # not a comment"',
      "k3: 'it''s'",
      '- ',
      '- item',
      '- k: v',
      '-',
      'a: |',
      'a: |-',
      'a: |+',
      'a: >',
      'a: >-',
      '- |',
      'text',
      'more text',
      '# comment',
      'value # comment',
      '',
      '"quoted"',
      'f: [x, y:z, "w"]',
      'g: {a: 1, b: [2]}',
      'n: -1.5e3',
      'b: true',
      ': x',
      '? x',
      '---'
    )
    const line = fc
      .tuple(fc.integer({ min: 0, max: 6 }), piece, fc.boolean())
      .map(([indent, p, trailing]) =>
        p === '' ? ' '.repeat(indent % 3) : ' '.repeat(indent) + p + (trailing ? ' ' : '')
      )
    const text = fc
      .tuple(fc.array(line, { minLength: 1, maxLength: 12 }), fc.boolean(), fc.boolean())
      .map(([lines, crlf, finalBreak]) => lines.join(crlf ? '\r\n' : '\n') + (finalBreak ? '\n' : ''))
    let quick = 0
    let valid = 0
    fc.assert(
      fc.property(text, (t) => {
        if (compare(t) === 'quick') quick++
        if (parseYamlSlowly(t, 'f.yaml').problems.length === 0) valid++
      }),
      { seed: SEED, numRuns: RUNS }
    )
    if (process.env.FUZZ_STATS) console.log(`line by line: quick ${quick} of ${valid} valid, ${RUNS} in all`)
    // Most such texts are not valid YAML; of those that are, the quick reading takes most.
    expect(quick).toBeGreaterThan(valid / 2)
  })

  it('agrees on generated texts, written in many styles and mutated', () => {
    const scalar = fc.oneof(
      fc.constantFrom(
        '',
        '~',
        'null',
        'True',
        'FALSE',
        '0o17',
        '0x1F',
        '-0',
        '+12',
        '1_000',
        '0b101',
        '.5',
        '1.',
        '1e3',
        '-.inf',
        '.NaN',
        '2025-06-01',
        'yes',
        '- a',
        'a: b',
        '#x',
        "it's",
        '"q"',
        ' lead',
        'trail ',
        'line\nbreak',
        'tab\there',
        '\u00e9\u4e2d',
        '__proto__'
      ),
      fc.string({ maxLength: 12 }),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null)
    )
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, scalar, tie('list'), tie('map')),
      list: fc.array(tie('node'), { maxLength: 4 }),
      map: fc.dictionary(
        fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('1', 'null', 'a b', '-x')),
        tie('node'),
        {
          maxKeys: 4
        }
      )
    })).node
    const handWritten = fc.constantFrom(
      HAND_WRITTEN,
      readFileSync(path.join(ROOT, 'golden-tasks/refund_request_v2/workflow.yml'), 'utf8'),
      readFileSync(path.join(ROOT, 'thresholds.yml'), 'utf8')
    )
    const generated = fc.tuple(value, fc.integer({ min: 0, max: 5 })).map(([v, style]) => {
      switch (style) {
        case 0:
          return stringify(v)
        case 1:
          return stringify(v, { collectionStyle: 'flow' })
        case 2:
          return stringify(v, { defaultStringType: 'QUOTE_DOUBLE', indent: 4 })
        case 3:
          return dump(v, { flowLevel: 1 })
        case 4:
          return JSON.stringify(v, null, 2) ?? 'null'
        default:
          return `${stringify(v)}---\n${dump(v)}`
      }
    })
    const mutation = fc.record({
      at: fc.nat(),
      remove: fc.nat({ max: 3 }),
      insert: fc.string({ unit: fc.constantFrom(...'-:#\'"[]{},\n  |>!&*?%@`\t\\xy0.~'.split('')), maxLength: 3 })
    })
    const written = fc.oneof(generated, handWritten)
    const text = fc.tuple(written, fc.array(mutation, { maxLength: 4 })).map(([base, mutations]) =>
      mutations.reduce((t, m) => {
        const at = t.length === 0 ? 0 : m.at % t.length
        return t.slice(0, at) + m.insert + t.slice(at + m.remove)
      }, base)
    )
    let quick = 0
    fc.assert(
      fc.property(text, (t) => {
        if (compare(t) === 'quick') quick++
      }),
      { seed: SEED, numRuns: RUNS }
    )
    if (process.env.FUZZ_STATS) console.log(`quick ${quick} of ${RUNS}`)
    // Most generated texts are plain YAML: the quick reading is the one most of them get.
    expect(quick).toBeGreaterThan(RUNS / 3)
  })
})

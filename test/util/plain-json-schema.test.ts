// compilesSurely (src/util/plain-json-schema.ts) says which tool schemas ajv compiles without
// asking it: every schema it says yes to must compile with the ajv evalgate uses. Generated
// schemas mix the keywords it knows (with values of every kind) with keywords it leaves to ajv,
// and keys such as __proto__ and $id. Seeded; FUZZ_SEED and FUZZ_RUNS explore further.
import { beforeAll, describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import { compilesSurely } from '../../src/util/plain-json-schema.js'
import { compiledSchema, jsonSchemaLoading } from '../../src/util/json-schema.js'

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_204)
const RUNS = Number(process.env.FUZZ_RUNS ?? 1500)

beforeAll(async () => {
  await jsonSchemaLoading()
})

const compiles = (schema: object) => compiledSchema(schema).ok

const KEYWORDS = [
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'not',
  'anyOf',
  'oneOf',
  'allOf',
  'enum',
  'const',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'minProperties',
  'maxProperties',
  'uniqueItems',
  'pattern',
  'format',
  'description',
  'title',
  '$comment',
  '$schema',
  'examples',
  'default',
  'deprecated',
  'readOnly',
  'writeOnly'
]
// What compilesSurely leaves to ajv (some compile, some do not).
const OTHERS = ['$ref', '$id', '$anchor', 'nullable', 'definitions', 'patternProperties', 'x-order', '__proto__']
const NAMES = ['a', 'order_id', '__proto__', 'constructor', '$id', '$ref', "it's", '']
const PATTERNS = ['^ORD-\\d{5}$', '\\p{L}+', '[', 'a{', '(?<n>x)\\k<n>', '\\-', '']

/** A plan of a value: what `build` turns into the object, with own __proto__ keys as JSON.parse makes. */
type Plan = unknown

const { schema } = fc.letrec<{ schema: Plan; value: Plan }>((tie) => ({
  schema: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.boolean(),
    fc
      .array(
        fc
          .oneof(fc.constantFrom(...KEYWORDS), fc.constantFrom(...KEYWORDS), fc.constantFrom(...OTHERS))
          .chain((key) =>
            fc.tuple(
              fc.constant(key),
              fc.oneof({}, { weight: 6, arbitrary: goodValue(key, tie) }, { weight: 1, arbitrary: tie('value') })
            )
          ),
        { maxLength: 5 }
      )
      .map((entries) => ({ entries }))
  ),
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom('string', 'integer', 'money', 'object', '', null, true, 0, -1, 1.5, NaN, Infinity),
    fc.constantFrom(...PATTERNS),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.array(tie('schema'), { maxLength: 3 }),
    fc.array(fc.tuple(fc.constantFrom(...NAMES), tie('schema')), { maxLength: 3 }).map((entries) => ({ entries })),
    fc.constant({ date: true })
  )
}))

function goodValue(key: string, tie: (name: string) => fc.Arbitrary<unknown>): fc.Arbitrary<Plan> {
  const types = ['string', 'number', 'integer', 'boolean', 'null', 'object', 'array']
  const schemas = fc.array(tie('schema'), { minLength: 1, maxLength: 3 })
  const counts = fc.nat({ max: 10 })
  const numbers = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }))
  const good: Record<string, fc.Arbitrary<Plan>> = {
    type: fc.oneof(fc.constantFrom(...types), fc.uniqueArray(fc.constantFrom(...types), { minLength: 1 })),
    properties: fc.array(fc.tuple(fc.constantFrom(...NAMES), tie('schema')), { maxLength: 3 }).map((entries) => ({
      entries
    })),
    required: fc.array(fc.constantFrom(...NAMES), { maxLength: 3 }),
    additionalProperties: tie('schema'),
    items: tie('schema'),
    not: tie('schema'),
    anyOf: schemas,
    oneOf: schemas,
    allOf: schemas,
    enum: fc.array(fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null)), {
      minLength: 1,
      maxLength: 3
    }),
    const: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
    minimum: numbers,
    maximum: numbers,
    exclusiveMinimum: numbers,
    exclusiveMaximum: numbers,
    multipleOf: fc.double({ min: 0.01, max: 100, noNaN: true }),
    minLength: counts,
    maxLength: counts,
    minItems: counts,
    maxItems: counts,
    minProperties: counts,
    maxProperties: counts,
    uniqueItems: fc.boolean(),
    pattern: fc.constantFrom(...PATTERNS),
    format: fc.constantFrom('date-time', 'email', 'no-such-format'),
    description: fc.string(),
    title: fc.string(),
    $comment: fc.string(),
    $schema: fc.constantFrom('http://json-schema.org/draft-07/schema#', 'https://example.com/unknown'),
    examples: fc.array(tie('value'), { maxLength: 2 }),
    default: tie('value'),
    deprecated: fc.boolean(),
    readOnly: fc.boolean(),
    writeOnly: fc.boolean()
  }
  return Object.hasOwn(good, key) ? good[key] : tie('value')
}

function build(plan: Plan): unknown {
  if (Array.isArray(plan)) return plan.map(build)
  if (typeof plan !== 'object' || plan === null) return plan
  if ('date' in plan) return new Date(0)
  const object: Record<string, unknown> = {}
  for (const [key, inner] of (plan as { entries: [string, Plan][] }).entries)
    Object.defineProperty(object, key, { value: build(inner), enumerable: true, writable: true, configurable: true })
  return object
}

describe('compilesSurely', () => {
  it('says yes only to schemas ajv compiles, and to many of them', () => {
    let yes = 0
    fc.assert(
      fc.property(schema, (plan) => {
        const value = build(plan)
        if (typeof value !== 'object' || value === null || !compilesSurely(value)) return
        yes++
        expect(compiles(value)).toBe(true)
      }),
      { seed: SEED, numRuns: RUNS }
    )
    expect(yes).toBeGreaterThan(RUNS / 10)
  })

  it('says yes to every tool schema of the bundled example', () => {
    const tools = JSON.parse(readFileSync('golden-tasks/refund_request_v2/tools.json', 'utf8')) as {
      function: { parameters: object }
    }[]
    expect(tools.length).toBeGreaterThan(0)
    for (const tool of tools) expect(compilesSurely(tool.function.parameters)).toBe(true)
  })

  it('leaves to ajv what it does not know, and what ajv refuses', () => {
    const doubtful: unknown[] = [
      { type: 'money' },
      { type: ['string', 'string'] },
      { type: [] },
      { properties: { a: { $ref: '#/definitions/nowhere' } } },
      { type: 'object', nullable: true },
      { pattern: '[' },
      { pattern: 'a{' },
      { enum: [] },
      { minimum: '5' },
      { exclusiveMinimum: true },
      { items: [{ type: 'string' }] },
      { anyOf: [] },
      { properties: { a: 'string' } },
      { description: { $id: 'x' } },
      { examples: { $id: 'x' } },
      { 'x-order': 1 },
      { properties: { when: new Date(0) } },
      new Map(),
      [],
      true
    ]
    for (const schema of doubtful) expect(compilesSurely(schema)).toBe(false)
  })

  it('says no to a schema that contains itself, and to one deeper than any tool needs', () => {
    const cyclic: Record<string, unknown> = { type: 'object' }
    cyclic.properties = { self: cyclic }
    expect(compilesSurely(cyclic)).toBe(false)
    let deep: object = { type: 'string' }
    for (let i = 0; i < 100; i++) deep = { type: 'object', properties: { a: deep } }
    expect(compilesSurely(deep)).toBe(false)
  })

  it('checks a part shared in many places (YAML aliases) once', () => {
    let shared: object = { type: 'string' }
    // Walked anew at every place, these 40 levels would be 2^40 schemas.
    for (let i = 0; i < 40; i++) shared = { anyOf: [shared, shared] }
    const started = performance.now()
    expect(compilesSurely({ type: 'object', properties: { a: shared } })).toBe(true)
    expect(performance.now() - started).toBeLessThan(1000)
  })
})

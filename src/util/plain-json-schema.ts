// Which JSON schemas ajv is sure to compile, told without loading it. `evalgate validate` checks
// each tool's `parameters` by compiling it (src/load/tool-schemas.ts), and loading ajv and
// compiling the example's nine schemas took 25 ms, a tenth of the command. A schema made only of
// the keywords below, each with a value of the kind ajv's own definition of the keyword takes
// (ajv 8 with the options of src/util/json-schema.ts: no $data, formats not checked, not strict),
// compiles; anything else (a `$ref`, `$id`, `nullable`, a keyword of another tool) is left to
// ajv, which says what it finds. Wrongly saying yes would hide a problem, saying no costs time:
// every check leans to no (test/util/plain-json-schema.test.ts compiles what it says yes to).

type ValueCheck = (value: unknown, walk: Walk) => boolean
interface Walk {
  /** Each map checked as a schema so far: its answer, or false while it is being checked (a cycle). */
  seen: Map<object, boolean>
  /** How many schemas enclose the one being checked. */
  depth: number
}

const JSON_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'null', 'object', 'array'])
// Deeper than any tool's parameters; beyond it the walk could run out of stack.
const MAX_DEPTH = 64

const isJsonType = (v: unknown) => typeof v === 'string' && JSON_TYPES.has(v)
const isNumber = (v: unknown) => typeof v === 'number' && Number.isFinite(v)
const isCount = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0
const isString = (v: unknown) => typeof v === 'string'
const isPrimitive = (v: unknown) => v === null || isString(v) || typeof v === 'boolean' || isNumber(v)
const isStringList = (v: unknown) => Array.isArray(v) && v.every(isString)
const isAnything = () => true

/** A plain object: what JSON and YAML maps parse to (not a Date, a Map or a class instance). */
function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false
  const proto = Object.getPrototypeOf(v)
  return proto === Object.prototype || proto === null
}

/** A `pattern` as ajv makes it (`unicodeRegExp` is on by default). */
function isUnicodePattern(v: unknown): boolean {
  if (typeof v !== 'string') return false
  try {
    new RegExp(v, 'u')
    return true
  } catch {
    return false
  }
}

const schemaList: ValueCheck = (v, walk) => Array.isArray(v) && v.length > 0 && v.every((s) => isSchema(s, walk))

const KEYWORDS = new Map<string, ValueCheck>([
  [
    'type',
    (v) => isJsonType(v) || (Array.isArray(v) && v.length > 0 && v.every(isJsonType) && new Set(v).size === v.length)
  ],
  ['properties', (v, walk) => isPlainObject(v) && Object.values(v).every((s) => isSchema(s, walk))],
  ['required', isStringList],
  ['additionalProperties', isSchema],
  ['items', isSchema],
  ['not', isSchema],
  ['anyOf', schemaList],
  ['oneOf', schemaList],
  ['allOf', schemaList],
  ['enum', (v) => Array.isArray(v) && v.length > 0 && v.every(isPrimitive)],
  ['const', isPrimitive],
  ['minimum', isNumber],
  ['maximum', isNumber],
  ['exclusiveMinimum', isNumber],
  ['exclusiveMaximum', isNumber],
  ['multipleOf', (v) => isNumber(v) && (v as number) > 0],
  ['minLength', isCount],
  ['maxLength', isCount],
  ['minItems', isCount],
  ['maxItems', isCount],
  ['minProperties', isCount],
  ['maxProperties', isCount],
  ['uniqueItems', (v) => typeof v === 'boolean'],
  ['pattern', isUnicodePattern],
  ['format', isString],
  // Annotations: ajv generates no code for them. Strings only where its walk for `$id`s would
  // look inside an object; `default` it never looks inside.
  ['description', isString],
  ['title', isString],
  ['$comment', isString],
  ['$schema', isString],
  ['examples', (v) => Array.isArray(v)],
  ['default', isAnything],
  ['deprecated', (v) => typeof v === 'boolean'],
  ['readOnly', (v) => typeof v === 'boolean'],
  ['writeOnly', (v) => typeof v === 'boolean']
])

function isSchema(value: unknown, walk: Walk): boolean {
  if (typeof value === 'boolean') return true
  if (!isPlainObject(value)) return false
  const known = walk.seen.get(value)
  if (known !== undefined) return known
  if (walk.depth >= MAX_DEPTH) return false
  walk.seen.set(value, false)
  walk.depth++
  const sure = Object.entries(value).every(([key, inner]) => KEYWORDS.get(key)?.(inner, walk) ?? false)
  walk.depth--
  walk.seen.set(value, sure)
  return sure
}

/** True when ajv compiles `schema` for sure; false when only ajv can tell. */
export function compilesSurely(schema: unknown): boolean {
  return isPlainObject(schema) && isSchema(schema, { seen: new Map(), depth: 0 })
}

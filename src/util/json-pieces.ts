// A large JSON document written piece by piece: the same text as JSON.stringify(value, null, 2),
// without ever holding all of it (report.json of 100,000 tasks is tens of megabytes).

/** How deep containers are opened: below it each value is one piece (a task of report.json's `tasks`). */
const OPEN_DEPTH = 2

/** The pieces of `JSON.stringify(value, null, 2)` for plain JSON data, in order; joined, the same text. */
export function* prettyJsonPieces(value: unknown, indent = '', depth = 0): Generator<string> {
  if (depth >= OPEN_DEPTH || !isContainer(value)) {
    yield indented(JSON.stringify(value, null, 2) ?? 'null', indent)
    return
  }
  const inner = indent + '  '
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}']
  let first = true
  for (const [key, item] of entriesOf(value)) {
    yield `${first ? open : ','}\n${inner}${key === undefined ? '' : `${JSON.stringify(key)}: `}`
    first = false
    yield* prettyJsonPieces(item, inner, depth + 1)
  }
  yield first ? open + close : `\n${indent}${close}`
}

function isContainer(value: unknown): value is object {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { toJSON?: unknown }).toJSON !== 'function' &&
    (!Array.isArray(value) || value.length > 0)
  )
}

/** An array's items (a hole or an unserializable item is null) or an object's serializable entries. */
function* entriesOf(value: object): Generator<[string | undefined, unknown]> {
  if (Array.isArray(value)) {
    for (const item of value as unknown[]) yield [undefined, serializable(item) ? item : null]
    return
  }
  for (const [key, item] of Object.entries(value)) if (serializable(item)) yield [key, item]
}

function serializable(value: unknown): boolean {
  return value !== undefined && typeof value !== 'function' && typeof value !== 'symbol'
}

function indented(text: string, indent: string): string {
  return indent === '' || !text.includes('\n') ? text : text.split('\n').join(`\n${indent}`)
}

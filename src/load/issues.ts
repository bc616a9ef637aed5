// Turns zod issues into plain-words problems at the line of the offending part of the file.
import type * as z from 'zod'
import { LIMIT_KINDS } from '../model/limits.js'
import { PHASES, TIERS } from '../model/types.js'
import type { Located, Path } from './located.js'
import type { Problem } from '../util/problems.js'
import { preview } from '../util/preview.js'

type Issue = z.core.$ZodIssue

/** `what` names the whole value in messages about its shape, e.g. "a golden task". */
export function issueProblems(issues: readonly Issue[], at: Located, file: string, what: string): Problem[] {
  return issues
    .flatMap((issue) => describe(issue, issue.path, at, what))
    .map(({ line, message }) => ({
      file,
      line,
      message,
      severity: 'error' as const
    }))
}

interface Described {
  line: number
  message: string
}

function describe(issue: Issue, path: Path, at: Located, what: string): Described[] {
  const value = valueAt(at.value, path)
  const name = shortName(path)
  const one = (message: string): Described[] => [{ line: at.lineOf(path), message }]

  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ line: at.keyLineOf(path, key), message: unknownKeyMessage(path, key) }))
  }
  if (value === undefined && path.length > 0) return one(`missing required field "${name}"${within(path)}`)

  switch (issue.code) {
    case 'invalid_type':
      if (path.length === 0)
        return one(`${what} must be ${expectedWords(issue.expected)}, got ${describeDocument(value)}`)
      return one(
        `"${name}" must be ${expectedWords(issue.expected)}, got ${describeValue(value)}${quoteHint(issue.expected, value)}`
      )
    case 'invalid_value':
      return one(notOneOf(name, value, issue.values))
    case 'invalid_union':
      if (issue.discriminator !== undefined && 'options' in issue && issue.options) {
        // The field alone ("type") would not say which kind of thing it is the type of.
        return one(notOneOf(fieldName(path), value, issue.options))
      }
      return describeUnion(issue.errors, path, at, what, value)
    case 'too_small':
    case 'too_big':
    case 'invalid_format':
      if (issue.message.startsWith('must ')) return one(`"${name}" ${issue.message}, got ${describeValue(value)}`)
      return one(describeBound(issue, name, value))
    case 'custom':
      if (issue.message.startsWith('must ')) return one(`"${name}" ${issue.message}, got ${describeValue(value)}`)
      return one(issue.message === 'Invalid input' ? `"${name}" is not valid` : issue.message)
    default:
      return one(`"${name}": ${issue.message}`)
  }
}

/**
 * A union failed. When the value had the type of one of the options (a number out of range
 * where a number or a map is allowed), report that option's issues; else list the types.
 */
function describeUnion(options: Issue[][], path: Path, at: Located, what: string, value: unknown): Described[] {
  const wrongType = (issues: Issue[]) => issues.some((i) => i.code === 'invalid_type' && i.path.length === 0)
  const fitting = options.filter((issues) => issues.length > 0 && !wrongType(issues))
  if (fitting.length > 0) {
    const closest = fitting.reduce((a, b) => (b.length < a.length ? b : a))
    return closest.flatMap((issue) => describe(issue, [...path, ...issue.path], at, what))
  }
  const expected = options
    .flat()
    .filter((i): i is z.core.$ZodIssueInvalidType => i.code === 'invalid_type' && i.path.length === 0)
  const words = [...new Set(expected.map((i) => expectedWords(i.expected)))]
  const name = path.length === 0 ? what : `"${shortName(path)}"`
  const got = path.length === 0 ? describeDocument(value) : describeValue(value)
  return [{ line: at.lineOf(path), message: `${name} must be ${orList(words)}, got ${got}` }]
}

function describeBound(
  issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig | z.core.$ZodIssueInvalidStringFormat,
  name: string,
  value: unknown
): string {
  if (issue.code === 'invalid_format') return `"${name}" is not a valid ${issue.format}, got ${describeValue(value)}`
  const small = issue.code === 'too_small'
  const bound = small ? issue.minimum : issue.maximum
  if (issue.origin === 'array')
    return `"${name}" must have ${small ? 'at least' : 'at most'} ${bound} item${bound === 1 ? '' : 's'}`
  if (issue.origin === 'string') {
    return small && bound === 1
      ? `"${name}" must not be empty`
      : `"${name}" must have ${small ? 'at least' : 'at most'} ${bound} characters`
  }
  const relation = small ? (issue.inclusive ? 'at least' : 'more than') : issue.inclusive ? 'at most' : 'less than'
  return `"${name}" must be ${relation} ${bound}, got ${describeValue(value)}`
}

function unknownKeyMessage(path: Path, key: string): string {
  const parent = path[path.length - 1]
  if (parent === 'tiers' || parent === 'max_drop') return `unknown tier "${key}" (tiers are ${TIERS.join(', ')})`
  if (parent === 'phases') return `unknown phase "${key}" (phases are ${PHASES.join(', ')})`
  if (path[path.length - 2] === 'limits')
    return `unknown limit kind "${key}"${within([...path, key])} (limits are ${LIMIT_KINDS.join(', ')})`
  return `unknown field "${key}"${within([...path, key])}`
}

function notOneOf(name: string, value: unknown, allowed: readonly unknown[]): string {
  const list = allowed.map(String)
  if (typeof value === 'string') return `${name} "${value}" is not one of ${list.join(', ')}`
  return `${name} must be ${orList(list)}, got ${describeValue(value)}`
}

function quoteHint(expected: string, value: unknown): string {
  return expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')
    ? ` (put it in quotes: "${value}")`
    : ''
}

const EXPECTED_WORDS: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  tuple: 'a list',
  object: 'a map',
  record: 'a map',
  map: 'a map',
  null: 'empty'
}

function expectedWords(expected: string): string {
  return EXPECTED_WORDS[expected] ?? expected
}

/**
 * The whole file's value, never quoted: a file that is one string is most likely no YAML at all
 * (`--thresholds /etc/passwd`), and its text must not reach a log or a comment.
 */
function describeDocument(value: unknown): string {
  if (typeof value === 'string') return 'plain text (not shown; is it the right file?)'
  return typeof value === 'number' || typeof value === 'boolean' ? `a single ${typeof value}` : describeValue(value)
}

/** How a value looks to the user who wrote it. */
export function describeValue(value: unknown): string {
  if (value === null) return 'nothing (an empty value)'
  if (value === undefined) return 'nothing'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'a map'
  if (typeof value === 'string') return JSON.stringify(preview(value, 60, { mark: '...', markInside: true }))
  return String(value)
}

export function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`
}

/** The field as messages name it: its own key, with the list indices after it (`actions[0]`). */
function shortName(path: Path): string {
  let start = path.length - 1
  while (start > 0 && typeof path[start] === 'number') start--
  return fieldName(path.slice(start))
}

/** Where a nested field is, for messages that point at its map rather than at the field. */
function within(path: Path): string {
  return path.length > 1 ? ` in ${fieldName(path.slice(0, -1))}` : ''
}

/** `expected.actions[0].tool` */
export function fieldName(path: Path): string {
  return path.reduce<string>((name, segment) => {
    if (typeof segment === 'number') return `${name}[${segment}]`
    return name === '' ? String(segment) : `${name}.${String(segment)}`
  }, '')
}

function valueAt(root: unknown, path: Path): unknown {
  let current: unknown = root
  for (const segment of path) {
    if (typeof current !== 'object' || current === null) return undefined
    current = (current as Record<PropertyKey, unknown>)[segment as string]
  }
  return current
}

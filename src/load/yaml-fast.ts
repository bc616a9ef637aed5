// The quick way to read a YAML (or JSON) file: js-yaml's event parser, several times faster than
// the yaml package on a cold start (a task suite is read once per process, so cold is what counts).
// It is taken only where the two parsers read a text alike: no tags, anchors, aliases or
// directives, no key near the 1024 characters YAML allows, no flow collection that closes at its
// parent's indentation (the yaml package warns there). Anything else, and anything js-yaml
// rejects, is read by the yaml package, whose problems and lines evalgate reports
// (read-data-file.ts); test/load/yaml-fast.test.ts compares the two on generated texts.
import {
  COLLECTION_STYLE,
  CORE_SCHEMA,
  EVENT_ID,
  SCALAR_STYLE,
  NOT_RESOLVED,
  boolCoreTag,
  constructFromEvents,
  floatCoreTag,
  getScalarValue,
  intCoreTag,
  nullCoreTag,
  parseEvents,
  type Event,
  type ScalarEvent
} from 'js-yaml'
import type { Located, Path } from './located.js'

const LONGEST_KEY = 1000
/** A tab in indentation (the yaml package refuses it, js-yaml takes some) or a line starting a directive. */
const READ_APART = /(?:^|\n)(?:[ ]*\t|%)/
const CORE_NUMBER = /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0x[0-9a-fA-F]+|0o[0-7]+)$/
const CORE_SCALARS = [nullCoreTag, boolCoreTag, intCoreTag, floatCoreTag]

/**
 * One located value per non-empty document, or undefined where the yaml package must read the
 * text. `slow` gives the yaml package's values of the same text; a line js-yaml's offsets do not
 * give exactly (a block scalar, an empty value) is asked of it, once per file and only then.
 */
export function readYamlQuickly(text: string, maxDepth: number, slow: () => Located[]): Located[] | undefined {
  if (READ_APART.test(text)) return undefined
  let events: Event[]
  let documents: unknown[]
  try {
    events = parseEvents(text, { maxDepth })
    if (!readAlike(events, text)) return undefined
    documents = constructFromEvents(events, { source: text, schema: CORE_SCHEMA, maxAliases: 0 })
  } catch {
    return undefined
  }
  const file = new EventFile(text, events, slow)
  const located: Located[] = []
  let document = 0
  events.forEach((event, i) => {
    if (event.type !== EVENT_ID.DOCUMENT) return
    const value = documents[document++]
    if (value !== null && value !== undefined) located.push(file.located(value, i + 1, located.length, []))
  })
  return located
}

/** False when the text holds something the two parsers may read differently. */
function readAlike(events: Event[], text: string): boolean {
  // Per open collection: its event and how many children it has had (a map's keys are the even ones).
  const open: { event: Event; children: number }[] = []
  for (let i = 0; i < events.length; i++) {
    const event = events[i]
    if (event.type === EVENT_ID.DOCUMENT) {
      if (event.directives.length > 0) return false
      continue
    }
    if (event.type === EVENT_ID.POP) {
      open.pop()
      continue
    }
    if (event.type === EVENT_ID.ALIAS || event.anchorStart !== -1 || event.tagStart !== -1) return false
    const parent = open[open.length - 1]
    if (parent) {
      const isKey = parent.event.type === EVENT_ID.MAPPING && parent.children % 2 === 0
      parent.children++
      if (isKey && !plainKey(event, text)) return false
      const flowInBlock =
        event.type !== EVENT_ID.SCALAR && event.style === COLLECTION_STYLE.FLOW && isBlock(parent.event)
      if (flowInBlock && !flowEndsMoreIndented(events, i, text, parent.event)) return false
    }
    if (event.type !== EVENT_ID.SCALAR) open.push({ event, children: 0 })
    else if (event.style === SCALAR_STYLE.PLAIN && overflows(event, text)) return false
  }
  return true
}

/** A quoted scalar: its value starts one past its opening quote and ends one before its closing one. */
function isQuoted(event: ScalarEvent): boolean {
  return event.style === SCALAR_STYLE.SINGLE_QUOTED || event.style === SCALAR_STYLE.DOUBLE_QUOTED
}

function isBlock(event: Event): boolean {
  return (event.type === EVENT_ID.SEQUENCE || event.type === EVENT_ID.MAPPING) && event.style === COLLECTION_STYLE.BLOCK
}

/** A plain number too large for a double: the yaml package reads Infinity, js-yaml a string. */
function overflows(event: ScalarEvent, text: string): boolean {
  const first = text.charCodeAt(event.valueStart)
  if (
    event.valueStart === -1 ||
    !((first >= 0x30 && first <= 0x39) || first === 0x2b || first === 0x2d || first === 0x2e)
  )
    return false
  const source = getScalarValue(text, event)
  return CORE_NUMBER.test(source) && !Number.isFinite(Number(source))
}

/** A key both read alike: a scalar, not too long, not null (the yaml package makes that key "", js-yaml "null"). */
function plainKey(event: Event, text: string): boolean {
  if (event.type !== EVENT_ID.SCALAR || event.valueEnd - event.valueStart > LONGEST_KEY) return false
  return (
    event.style !== SCALAR_STYLE.PLAIN ||
    nullCoreTag.resolve(getScalarValue(text, event), false, nullCoreTag.tagName) === NOT_RESOLVED
  )
}

/**
 * A flow collection inside a block one: true when it stays on one line, or its closing bracket's
 * line is indented deeper than the block collection (the yaml package warns otherwise).
 */
function flowEndsMoreIndented(events: Event[], at: number, text: string, parent: Event): boolean {
  const start = (events[at] as { start: number }).start
  const close = closingBracket(events, at, text)
  if (close === undefined) return false
  if (!text.slice(start, close).includes('\n')) return true
  const parentStart = (parent as { start: number }).start
  return indentOfLine(text, close) > parentStart - lineStartOf(text, parentStart)
}

/** Offset of the `]` or `}` closing the flow collection opened by events[at], if found. */
function closingBracket(events: Event[], at: number, text: string): number | undefined {
  let depth = 0
  let from = (events[at] as { start: number }).start + 1
  for (let i = at + 1; i < events.length; i++) {
    const event = events[i]
    if (event.type === EVENT_ID.POP) {
      if (depth === 0) break
      depth--
      const end = skipToBracket(text, from)
      if (end === undefined) return undefined
      from = end + 1
    } else if (event.type === EVENT_ID.SCALAR) {
      if (event.valueStart !== -1) from = event.valueEnd + (isQuoted(event) ? 1 : 0)
    } else if (event.type === EVENT_ID.SEQUENCE || event.type === EVENT_ID.MAPPING) {
      depth++
      from = event.start + 1
    }
  }
  return skipToBracket(text, from)
}

/** The first `]` or `}` from `from` past spaces, commas, colons and comments. */
function skipToBracket(text: string, from: number): number | undefined {
  for (let i = from; i < text.length; i++) {
    const ch = text[i]
    if (ch === ']' || ch === '}') return i
    if (ch === '#') {
      const eol = text.indexOf('\n', i)
      if (eol === -1) return undefined
      i = eol
    } else if (ch !== ' ' && ch !== '\t' && ch !== '\n' && ch !== '\r' && ch !== ',' && ch !== ':' && ch !== '?')
      return undefined
  }
  return undefined
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1
}

function indentOfLine(text: string, offset: number): number {
  const start = lineStartOf(text, offset)
  let i = start
  while (text[i] === ' ') i++
  return i - start
}

/** The events of one file, with what walking them needs. */
class EventFile {
  private lineStarts?: number[]
  private slowValues?: Located[]

  constructor(
    private readonly text: string,
    private readonly events: Event[],
    private readonly slow: () => Located[]
  ) {}

  located(value: unknown, index: number, document: number, path: Path): Located {
    const line = () => this.lineOfNode(index) ?? this.slowDocument(document).lineOf(path)
    return {
      value,
      get line() {
        return line()
      },
      lineOf: (sub) => this.lineOfNode(this.walk(index, sub)) ?? this.slowDocument(document).lineOf([...path, ...sub]),
      keyLineOf: (sub, key) => {
        const map = this.walk(index, sub)
        const keyIndex = this.keyEvent(map, key)
        const line = this.lineOfNode(keyIndex ?? map)
        return line ?? this.slowDocument(document).keyLineOf([...path, ...sub], key)
      },
      elements: () => {
        if (this.events[index].type !== EVENT_ID.SEQUENCE || !Array.isArray(value)) return []
        return this.children(index).map((child, i) => this.located(value[i], child, document, [...path, i]))
      }
    }
  }

  /** The index after the node at `index` and everything in it. */
  private after(index: number): number {
    let depth = 0
    for (let i = index; i < this.events.length; i++) {
      const type = this.events[i].type
      if (type === EVENT_ID.POP) depth--
      else if (type !== EVENT_ID.SCALAR && type !== EVENT_ID.ALIAS) depth++
      if (depth <= 0) return i + 1
    }
    return this.events.length
  }

  private children(index: number): number[] {
    const found: number[] = []
    for (let i = index + 1; this.events[i].type !== EVENT_ID.POP; i = this.after(i)) found.push(i)
    return found
  }

  /** The node at `path` under the node at `index`, or its nearest existing parent (as located.ts walks). */
  private walk(index: number, path: Path): number {
    let current = index
    for (const segment of path) {
      const next = this.child(current, segment)
      if (next === undefined) break
      current = next
    }
    return current
  }

  private child(index: number, segment: PropertyKey): number | undefined {
    const event = this.events[index]
    if (event.type === EVENT_ID.SEQUENCE) return this.children(index)[Number(segment)]
    if (event.type !== EVENT_ID.MAPPING) return undefined
    const key = this.keyEvent(index, String(segment))
    return key === undefined ? undefined : key + 1 // a key is a scalar: its value is the next event
  }

  private keyEvent(index: number, key: string): number | undefined {
    if (this.events[index].type !== EVENT_ID.MAPPING) return undefined
    const children = this.children(index)
    for (let i = 0; i < children.length; i += 2) {
      if (this.keyText(this.events[children[i]] as ScalarEvent) === key) return children[i]
    }
    return undefined
  }

  /** A key as the object built from these events holds it. */
  private keyText(event: ScalarEvent): string {
    const source = getScalarValue(this.text, event)
    if (event.style !== SCALAR_STYLE.PLAIN) return source
    for (const tag of CORE_SCALARS) {
      const value = tag.resolve(source, false, tag.tagName)
      if (value !== NOT_RESOLVED) return String(value)
    }
    return source
  }

  /** The line where the yaml package puts the node, when its offset gives it: a collection, a plain or quoted scalar. */
  private lineOfNode(index: number): number | undefined {
    const event = this.events[index]
    if (event.type === EVENT_ID.SEQUENCE || event.type === EVENT_ID.MAPPING) return this.lineAt(event.start)
    if (event.type !== EVENT_ID.SCALAR || event.valueStart === -1) return undefined
    if (event.style === SCALAR_STYLE.PLAIN) return this.lineAt(event.valueStart)
    if (isQuoted(event)) return this.lineAt(event.valueStart - 1) // the opening quote
    return undefined
  }

  private lineAt(offset: number): number {
    const starts = (this.lineStarts ??= lineStarts(this.text))
    let low = 0
    let high = starts.length - 1
    while (low < high) {
      const mid = (low + high + 1) >> 1
      if (starts[mid] <= offset) low = mid
      else high = mid - 1
    }
    return low + 1
  }

  private slowDocument(document: number): Located {
    const values = (this.slowValues ??= this.slow())
    const found = values[document]
    if (!found) throw new Error('internal: the yaml package and js-yaml read a file differently (please report it)')
    return found
  }
}

function lineStarts(text: string): number[] {
  const starts = [0]
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1)
  return starts
}

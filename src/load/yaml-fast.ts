// The quick way to read a YAML (or JSON) file: a reader of the plain subset of YAML that task
// files are written in (block mappings and sequences, plain and quoted scalars, literal and folded
// block scalars, flow collections on one line or a whole JSON document), in one pass with the line
// of every part. A YAML library builds a syntax tree first and is several times slower on a cold
// start, and a task suite is read once per process, so cold is what counts.
// Anything outside the subset, or that the yaml package might read otherwise (tags, anchors,
// aliases, directives, several documents, explicit keys, tabs in indentation, escapes JSON does
// not share, numbers in another base, a duplicate key), is declined: the yaml package reads the
// text then and reports its problems with their lines (read-data-file.ts). Whatever is read here
// must equal the yaml package's reading; test/load/yaml-fast.test.ts compares the two on every
// file of the repository and on generated, mutated texts.
import type { Located, Path } from './located.js'

/** The line of a scalar, or a collection's lines. */
type Shape = number | MapShape | SeqShape

class MapShape {
  readonly keys: string[] = []
  readonly keyLines: number[] = []
  readonly kids: Shape[] = []
  constructor(readonly line: number) {}

  add(key: string, keyLine: number, kid: Shape): void {
    this.keys.push(key)
    this.keyLines.push(keyLine)
    this.kids.push(kid)
  }
}

class SeqShape {
  readonly kids: Shape[] = []
  constructor(readonly line: number) {}
}

/** Characters the yaml package may read otherwise or refuse: controls, BOM, line separators, a lone CR. */
// eslint-disable-next-line no-control-regex -- finding control characters is this pattern's job
const UNREADABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\u2028\u2029\uFEFF\uFFFE\uFFFF]|\r(?!\n)/
const LONGEST_KEY = 1000
// The YAML 1.2 core schema's numbers, as the yaml package reads them. An integer of more digits
// than a double holds exactly is left to it (its parseInt may round otherwise than Number).
const CORE_INT = /^[-+]?[0-9]+$/
const CORE_OCT = /^0o[0-7]+$/
const CORE_HEX = /^0x[0-9a-fA-F]+$/
const CORE_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/
const CORE_INFINITY = /^[-+]?\.(?:inf|Inf|INF)$/
const CORE_NAN = /^\.(?:nan|NaN|NAN)$/
const EXACT_DIGITS = 15
const CORE_WORDS = new Map<string, null | boolean>([
  ['~', null],
  ['null', null],
  ['Null', null],
  ['NULL', null],
  ['true', true],
  ['True', true],
  ['TRUE', true],
  ['false', false],
  ['False', false],
  ['FALSE', false]
])

const SPACE = 0x20
const TAB = 0x09
const LF = 0x0a
const CR = 0x0d
const HASH = 0x23
const DASH = 0x2d
const COLON = 0x3a
const COMMA = 0x2c
const DQUOTE = 0x22
const SQUOTE = 0x27
const BACKSLASH = 0x5c
const LBRACKET = 0x5b
const RBRACKET = 0x5d
const LBRACE = 0x7b
const RBRACE = 0x7d
const PIPE = 0x7c
const GT = 0x3e
const DOT = 0x2e
/** What may end a plain scalar on its line (a colon before a space, a comment), or one in a flow collection. */
const PLAIN_STOPS = /[:#]/g
const KEY_STOPS = /[:#\n]/g
const FLOW_PLAIN_STOPS = /[:#,[\]{}\n\r]/g
/** In a double-quoted scalar: an escape, or a line break (the scalar goes on). */
const DQUOTE_SPECIAL = /[\\\n\r]/
/** Characters that may not start a plain scalar (`-`, `?` and `:` may, before a non-space). */
const INDICATORS = new Set([...'-?:,[]{}#&*!|>\'"%@`'].map((c) => c.charCodeAt(0)))

/** Thrown where the text leaves this reader's subset; a constant, so declining costs no stack trace. */
const DECLINED = new Error('outside the quick subset')

/**
 * The text's value with its lines (none for an empty document), or undefined where the yaml
 * package must read it. The lines inside a value are found when first asked for, by reading the
 * text again keeping every part's line (a clean file is rarely asked).
 */
export function readYamlQuickly(text: string, maxDepth: number): Located[] | undefined {
  const read = readSubset(text, maxDepth, false)
  if (read === undefined) return undefined
  if (read.value === null) return []
  let shape: Shape | undefined
  const shapeOf = (): Shape => (shape ??= readSubset(text, maxDepth, true)!.shape)
  const top = read.topItems
  const items = Array.isArray(read.value) && top ? top.map((line, i) => ({ line: line as number, path: [i] })) : []
  return [located(read.value, lineOfShape(read.shape), [], shapeOf, items)]
}

function readSubset(text: string, maxDepth: number, keepShapes: boolean): SubsetReader | undefined {
  if (UNREADABLE.test(text)) return undefined
  const reader = new SubsetReader(text, maxDepth, keepShapes)
  try {
    reader.start()
    reader.value = reader.indent < 0 ? null : reader.root()
  } catch (err) {
    if (err === DECLINED || err instanceof RangeError) return undefined
    throw err
  }
  return reader
}

class SubsetReader {
  /** Offset of the next character to read. */
  private pos = 0
  /** 1-based line of `pos`, and the offset where that line starts. */
  private line = 1
  private lineStart = 0
  private depth = 0
  /** Whether the plain line read last ended at a comment (which ends the scalar). */
  private commentEnded = false
  private documentStartAllowed = false
  /** keyEnd's answer for the position it was last asked at. */
  private keyEndOf = -1
  private keyEndAt = -1
  /** Indentation of the content line `pos` is at (after advance), or -1 at the end of the text. */
  indent = -1
  /** The shape of the value read last. */
  shape: Shape = 1
  /** The lines of the items of a top-level list. */
  topItems?: Shape[]
  /** The text's value, once read. */
  value: unknown

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
    private readonly keepShapes: boolean
  ) {}

  root(): unknown {
    const c = this.code(this.pos)
    const value = c === LBRACKET || c === LBRACE ? this.rootFlow() : this.node(-1)
    if (this.indent !== -1) throw DECLINED
    return value
  }

  /** To the first content line, past a `---` that starts the text's one document. */
  start(): void {
    this.documentStartAllowed = true
    this.advance()
    this.documentStartAllowed = false
  }

  /** From the start of a line, past blank and comment lines to the first content character. */
  advance(): void {
    const text = this.text
    for (;;) {
      let i = this.pos
      while (text.charCodeAt(i) === SPACE) i++
      if (i >= text.length) {
        this.pos = i
        this.indent = -1
        return
      }
      const c = text.charCodeAt(i)
      if (c === HASH || this.atLineEnd(i)) {
        const eol = text.indexOf('\n', i)
        if (eol === -1) {
          this.pos = text.length
          this.indent = -1
          return
        }
        this.newLine(eol + 1)
        continue
      }
      if (c === TAB) throw DECLINED
      const indent = i - this.pos
      if (indent === 0 && (c === 0x25 || this.startsMarker(i))) {
        // A directive, `---` or `...`: only a `---` alone on the first content line is read here.
        if (!this.documentStartAllowed || c !== DASH) throw DECLINED
        this.documentStartAllowed = false
        this.pos = i + 3
        this.endLine()
        return
      }
      this.pos = i
      this.indent = indent
      return
    }
  }

  /** A node that starts at `pos`, inside a collection indented `owner`. */
  private node(owner: number): unknown {
    const column = this.pos - this.lineStart
    if (this.atSequenceEntry()) return this.sequence(column)
    if (this.keyEnd() !== -1) return this.mapping(column)
    return this.scalar(owner)
  }

  private sequence(indent: number): unknown[] {
    this.enter()
    const line = this.line
    const shape = this.seqShape()
    const values: unknown[] = []
    for (;;) {
      this.pos++ // the dash
      values.push(this.valueAfter(indent, false))
      shape?.kids.push(this.shape)
      if (this.indent === indent && this.atSequenceEntry()) continue
      if (this.indent > indent) throw DECLINED
      break
    }
    this.leave(shape, line)
    return values
  }

  private mapping(indent: number): Record<string, unknown> {
    this.enter()
    const line = this.line
    const shape = this.mapShape()
    const map: Record<string, unknown> = {}
    for (;;) {
      const keyLine = this.line
      const key = this.key()
      if (key === '__proto__' || Object.hasOwn(map, key)) throw DECLINED
      map[key] = this.valueAfter(indent, true)
      shape?.add(key, keyLine, this.shape)
      if (this.indent === indent) {
        if (this.keyEnd() === -1) throw DECLINED
        continue
      }
      if (this.indent > indent) throw DECLINED
      break
    }
    this.leave(shape, line)
    return map
  }

  /** The value after a mapping's `:` or a sequence's `-` (at `pos`), in a collection indented `owner`. */
  private valueAfter(owner: number, inMapping: boolean): unknown {
    const line = this.line
    const c = this.code(this.pos)
    if (c !== SPACE && !this.atLineEnd(this.pos)) throw DECLINED
    this.skipSpaces()
    if (this.atLineEnd(this.pos) || this.code(this.pos) === HASH) {
      this.endLine()
      if (this.indent > owner) return this.node(owner)
      if (inMapping && this.indent === owner && this.atSequenceEntry()) return this.sequence(owner)
      this.shape = line // the yaml package puts an empty value just past its indicator
      return null
    }
    if (!inMapping) {
      const column = this.pos - this.lineStart
      if (this.atSequenceEntry()) return this.sequence(column)
      if (this.keyEnd() !== -1) return this.mapping(column)
    }
    return this.scalar(owner)
  }

  /** A scalar, or a flow collection on one line, at `pos`; ends past its last line. */
  private scalar(owner: number): unknown {
    const c = this.code(this.pos)
    const line = this.line
    let value: unknown
    if (c === DQUOTE) value = this.doubleQuoted()
    else if (c === SQUOTE) value = this.singleQuoted()
    else if (c === LBRACKET || c === LBRACE) {
      value = this.flow(false)
      this.endLine()
      return value
    } else if (c === PIPE || c === GT) return this.blockScalar(owner)
    else return this.plain(owner)
    this.shape = line
    this.endLine()
    return value
  }

  /** A plain scalar, continued on more indented lines. */
  private plain(owner: number): unknown {
    const text = this.text
    if (!this.plainMayStart(this.pos)) throw DECLINED
    const line = this.line
    let value = this.plainLine()
    // Continuation lines: more indented than the owner, not comments; blank lines between become line breaks.
    let breaks = 0
    let next = text.indexOf('\n', this.pos)
    while (next !== -1 && !this.commentEnded) {
      let i = next + 1
      while (text.charCodeAt(i) === SPACE) i++
      const c = text.charCodeAt(i)
      if (i >= text.length) break
      if (this.atLineEnd(i)) {
        breaks++
        next = text.indexOf('\n', i)
        continue
      }
      if (i - next - 1 <= owner || c === HASH) break
      if (c === TAB || INDICATORS.has(c) || this.startsMarker(i)) throw DECLINED
      this.lineUntil(next + 1)
      this.pos = i
      value += (breaks === 0 ? ' ' : '\n'.repeat(breaks)) + this.plainLine()
      breaks = 0
      next = text.indexOf('\n', this.pos)
    }
    this.shape = line
    this.endLine()
    return resolvePlain(value)
  }

  /** The rest of the line as plain text (to a comment), leaving `pos` at its end. */
  private plainLine(): string {
    const text = this.text
    const start = this.pos
    let eol = text.indexOf('\n', start)
    if (eol === -1) eol = text.length
    else if (text.charCodeAt(eol - 1) === CR) eol--
    let end = eol
    this.commentEnded = false
    // The native search finds the few characters that matter; the interpreter of a cold start is slow per character.
    PLAIN_STOPS.lastIndex = start
    for (let found = PLAIN_STOPS.exec(text); found !== null && found.index < eol; found = PLAIN_STOPS.exec(text)) {
      const i = found.index
      if (text.charCodeAt(i) === HASH) {
        if (!isBlank(text.charCodeAt(i - 1))) continue
        end = i
        this.commentEnded = true
        break
      }
      // `a: b` inside a value would be a mapping the yaml package refuses.
      if (i + 1 === eol || isBlank(text.charCodeAt(i + 1))) throw DECLINED
    }
    while (end > start && isBlank(text.charCodeAt(end - 1))) end--
    this.pos = end
    return text.slice(start, end)
  }

  private doubleQuoted(): string {
    const text = this.text
    const start = this.pos + 1
    const close = text.indexOf('"', start)
    if (close !== -1 && !DQUOTE_SPECIAL.test(text.slice(start, close))) {
      this.pos = close + 1
      return text.slice(start, close)
    }
    // Over several lines it is folded: left to the yaml package.
    const end = this.closingQuote(this.pos)
    if (end === -1) throw DECLINED
    this.pos = end + 1
    const raw = text.slice(start, end)
    if (!raw.includes('\\')) return raw
    // JSON's escapes are YAML's too; any other (and a raw tab JSON refuses) is left to the yaml package.
    try {
      return JSON.parse(`"${raw}"`) as string
    } catch {
      throw DECLINED
    }
  }

  private singleQuoted(): string {
    const end = this.closingQuote(this.pos)
    if (end === -1) throw DECLINED
    const raw = this.text.slice(this.pos + 1, end)
    this.pos = end + 1
    return raw.replaceAll("''", "'")
  }

  /** The offset of the quote closing the scalar quoted at `open` (past escapes and `''`), or -1 when its line ends first. */
  private closingQuote(open: number): number {
    const text = this.text
    const quote = text.charCodeAt(open)
    for (let i = open + 1; i < text.length;) {
      const c = text.charCodeAt(i)
      if (c === LF || c === CR) return -1
      if (quote === DQUOTE && c === BACKSLASH) i += 2
      else if (c !== quote) i++
      else if (quote === SQUOTE && text.charCodeAt(i + 1) === SQUOTE) i += 2
      else return i
    }
    return -1
  }

  /** A `|` or `>` block scalar, in a collection indented `owner`. */
  private blockScalar(owner: number): string {
    const text = this.text
    const folded = this.code(this.pos) === GT
    const headerLine = this.line
    this.pos++
    const chomp = this.code(this.pos)
    const keep = chomp === 0x2b
    const strip = chomp === DASH
    if (keep || strip) this.pos++
    const after = this.code(this.pos)
    if (after !== SPACE && !this.atLineEnd(this.pos)) throw DECLINED // an indentation indicator, or more
    this.skipSpaces()
    if (!this.atLineEnd(this.pos) && this.code(this.pos) !== HASH) throw DECLINED
    let eol = text.indexOf('\n', this.pos)
    if (eol === -1) throw DECLINED
    const lines: string[] = []
    let contentIndent = -1
    let lastContent = -1
    let leadingBlank = 0
    let start = eol + 1
    while (start < text.length) {
      let i = start
      while (text.charCodeAt(i) === SPACE) i++
      eol = text.indexOf('\n', start)
      if (eol === -1) throw DECLINED // a last line without its line break: left to the yaml package
      const end = text.charCodeAt(eol - 1) === CR ? eol - 1 : eol
      const spaces = i - start
      if (spaces === 0 && this.startsMarker(i)) throw DECLINED // a document marker ends a document's block scalar
      if (i === end) {
        // A line of spaces only: empty, or content spaces past the indentation.
        if (contentIndent < 0) leadingBlank = Math.max(leadingBlank, spaces)
        else if (spaces > contentIndent) throw DECLINED
        lines.push('')
      } else {
        if (contentIndent < 0) {
          if (spaces <= owner || spaces < leadingBlank) throw DECLINED
          contentIndent = spaces
        }
        if (spaces < contentIndent) break
        if (text.charCodeAt(i) === TAB && spaces === contentIndent) throw DECLINED
        lines.push(text.slice(start + contentIndent, end))
        lastContent = lines.length - 1
      }
      this.lineUntil(eol + 1)
      start = eol + 1
    }
    if (lastContent < 0) throw DECLINED
    const content = lines.slice(0, lastContent + 1)
    let body: string
    if (folded) {
      if (content[0] === '' || content.some((l) => l !== '' && isBlank(l.charCodeAt(0)))) throw DECLINED
      body = content[0]
      let breaks = 0
      for (let k = 1; k < content.length; k++) {
        if (content[k] === '') breaks++
        else {
          body += (breaks === 0 ? ' ' : '\n'.repeat(breaks)) + content[k]
          breaks = 0
        }
      }
    } else body = content.join('\n')
    this.pos = start
    this.advance()
    this.shape = headerLine
    if (strip) return body
    return keep ? body + '\n'.repeat(lines.length - lastContent) : body + '\n'
  }

  /** A flow collection at `pos`: on one line, or (`anyLines`, a JSON document) over several. */
  private flow(anyLines: boolean): unknown {
    this.enter()
    const text = this.text
    const line = this.line
    const open = this.code(this.pos)
    const close = open === LBRACKET ? RBRACKET : RBRACE
    this.pos++
    const shape = open === LBRACE ? this.mapShape() : this.seqShape()
    const list: unknown[] = []
    const map: Record<string, unknown> = {}
    this.flowSpace(anyLines)
    if (this.code(this.pos) === close) this.pos++
    else
      for (;;) {
        if (open === LBRACE) {
          const keyLine = this.line
          const key = this.flowKey()
          if (key === '__proto__' || Object.hasOwn(map, key)) throw DECLINED
          this.flowSpace(anyLines)
          if (this.code(this.pos) !== COLON) throw DECLINED
          this.pos++
          this.flowSpace(anyLines)
          map[key] = this.flowItem(anyLines)
          ;(shape as MapShape | undefined)?.add(key, keyLine, this.shape)
        } else {
          list.push(this.flowItem(anyLines))
          ;(shape as SeqShape | undefined)?.kids.push(this.shape)
        }
        this.flowSpace(anyLines)
        const c = text.charCodeAt(this.pos)
        this.pos++
        if (c === close) break
        if (c !== COMMA) throw DECLINED
        this.flowSpace(anyLines)
        if (this.code(this.pos) === close) throw DECLINED // a trailing comma
      }
    this.leave(shape, line)
    return open === LBRACE ? map : list
  }

  private flowItem(anyLines: boolean): unknown {
    const c = this.code(this.pos)
    if (c === LBRACKET || c === LBRACE) return this.flow(anyLines)
    const line = this.line
    const value = this.flowScalar()
    if (this.code(this.pos) === COLON) throw DECLINED // a pair in a list, or a key with no value
    this.shape = line
    return value
  }

  private flowKey(): string {
    const value = this.flowScalar()
    if (typeof value !== 'string' || value.length > LONGEST_KEY) throw DECLINED
    return value
  }

  private flowScalar(): unknown {
    const text = this.text
    const c = this.code(this.pos)
    if (c === DQUOTE) return this.doubleQuoted()
    if (c === SQUOTE) return this.singleQuoted()
    if (!this.plainMayStart(this.pos)) throw DECLINED
    const start = this.pos
    let i = text.length
    FLOW_PLAIN_STOPS.lastIndex = start
    for (let found = FLOW_PLAIN_STOPS.exec(text); found !== null; found = FLOW_PLAIN_STOPS.exec(text)) {
      const at = found.index
      const d = text.charCodeAt(at)
      // A colon ends a plain scalar before a space or a flow indicator; `a:b` is one scalar.
      if (d === COLON && !endsFlowPlain(text.charCodeAt(at + 1), this.atLineEnd(at + 1))) continue
      if (d === HASH && !isBlank(text.charCodeAt(at - 1))) continue
      if (d === LBRACKET || d === LBRACE) throw DECLINED
      i = at
      break
    }
    let end = i
    while (end > start && isBlank(text.charCodeAt(end - 1))) end--
    this.pos = end
    return resolvePlain(text.slice(start, end))
  }

  /** Spaces, and (over several lines) line breaks and comments, inside a flow collection. */
  private flowSpace(anyLines: boolean): void {
    const text = this.text
    for (;;) {
      const c = text.charCodeAt(this.pos)
      if (c === SPACE) this.pos++
      else if (c === TAB) throw DECLINED
      else if (c === LF || c === CR || (c === HASH && isBlank(text.charCodeAt(this.pos - 1)))) {
        if (!anyLines) throw DECLINED
        const eol = text.indexOf('\n', this.pos)
        if (eol === -1) throw DECLINED
        this.newLine(eol + 1)
        // A line that could start a marker inside a JSON document is left to the yaml package.
        if (this.startsMarker(this.pos)) throw DECLINED
      } else return
    }
  }

  private rootFlow(): unknown {
    const value = this.flow(true)
    this.endLine()
    return value
  }

  /** A mapping key at `pos` (its colon found by keyEnd), leaving `pos` at the colon. */
  private key(): string {
    const end = this.keyEnd()
    if (end === -1) throw DECLINED
    const text = this.text
    let key: string
    const c = this.code(this.pos)
    if (c === DQUOTE) key = this.doubleQuoted()
    else if (c === SQUOTE) key = this.singleQuoted()
    else {
      let last = end
      while (last > this.pos && text.charCodeAt(last - 1) === SPACE) last--
      const value = resolvePlain(text.slice(this.pos, last))
      if (typeof value !== 'string') throw DECLINED // a key the two would write differently (null, 1.0, true)
      key = value
    }
    if (key.length > LONGEST_KEY || key.includes('\t')) throw DECLINED
    this.pos = end + 1
    return key
  }

  /** The offset of the `:` ending a mapping key that starts at `pos`, or -1 when the line holds no key. */
  private keyEnd(): number {
    if (this.keyEndOf !== this.pos) {
      this.keyEndOf = this.pos
      this.keyEndAt = this.findKeyEnd()
    }
    return this.keyEndAt
  }

  private findKeyEnd(): number {
    const text = this.text
    const start = this.pos
    const c = text.charCodeAt(start)
    if (c === DQUOTE || c === SQUOTE) {
      const close = this.closingQuote(start)
      return close !== -1 && text.charCodeAt(close + 1) === COLON && this.endsKey(close + 2) ? close + 1 : -1
    }
    if (!this.plainMayStart(start)) return -1
    KEY_STOPS.lastIndex = start
    for (let found = KEY_STOPS.exec(text); found !== null; found = KEY_STOPS.exec(text)) {
      const i = found.index
      const d = text.charCodeAt(i)
      if (d === LF) return -1
      if (d === COLON && this.endsKey(i + 1)) return i
      if (d === HASH && isBlank(text.charCodeAt(i - 1))) return -1
    }
    return -1
  }

  /** After a key's colon: a space or the line's end. */
  private endsKey(at: number): boolean {
    return this.code(at) === SPACE || this.atLineEnd(at)
  }

  /** A plain scalar may start at `at`: not an indicator, except `-?:` before a non-space. */
  private plainMayStart(at: number): boolean {
    const c = this.text.charCodeAt(at)
    if (!INDICATORS.has(c)) return !isBlank(c)
    if (c !== DASH && c !== 0x3f && c !== COLON) return false
    const next = this.text.charCodeAt(at + 1)
    return !(isBlank(next) || this.atLineEnd(at + 1) || next === COMMA || INDICATORS.has(next))
  }

  private atSequenceEntry(): boolean {
    return this.code(this.pos) === DASH && (this.code(this.pos + 1) === SPACE || this.atLineEnd(this.pos + 1))
  }

  /** Past spaces and a comment to the end of the line, then to the next content line. */
  private endLine(): void {
    const text = this.text
    this.skipSpaces()
    const c = text.charCodeAt(this.pos)
    if (c === HASH && isBlank(text.charCodeAt(this.pos - 1))) {
      const eol = text.indexOf('\n', this.pos)
      this.pos = eol === -1 ? text.length : eol
    } else if (!this.atLineEnd(this.pos)) throw DECLINED
    if (this.pos >= text.length) {
      this.indent = -1
      return
    }
    this.newLine(text.indexOf('\n', this.pos) + 1)
    this.advance()
  }

  private skipSpaces(): void {
    while (this.text.charCodeAt(this.pos) === SPACE) this.pos++
    if (this.text.charCodeAt(this.pos) === TAB) throw DECLINED
  }

  private atLineEnd(at: number): boolean {
    const c = this.text.charCodeAt(at)
    return at >= this.text.length || c === LF || (c === CR && this.text.charCodeAt(at + 1) === LF)
  }

  /** `---` or `...` at `at` followed by a space or the line's end. */
  private startsMarker(at: number): boolean {
    const text = this.text
    const c = text.charCodeAt(at)
    if ((c !== DASH && c !== DOT) || text.charCodeAt(at + 1) !== c || text.charCodeAt(at + 2) !== c) return false
    return isBlank(text.charCodeAt(at + 3)) || this.atLineEnd(at + 3)
  }

  /** Moves to the line starting at `start`, counting the lines passed. */
  private newLine(start: number): void {
    this.line++
    this.lineStart = start
    this.pos = start
  }

  /** Counts lines up to the one starting at `start` (from the current one, one line break apart or more). */
  private lineUntil(start: number): void {
    for (let i = this.text.indexOf('\n', this.lineStart); i !== -1 && i < start; i = this.text.indexOf('\n', i + 1))
      this.line++
    this.lineStart = start
  }

  // Deeper than maxDepth is declined, as a `__proto__` key is: a reading holds no value that
  // shapeProblems (src/util/value-shape.ts) would refuse, so it needs no walk of its own.
  private enter(): void {
    if (++this.depth > this.maxDepth) throw DECLINED
  }

  // Shapes are kept when asked for (a line is wanted); otherwise a collection's shape is its line,
  // and only the top list keeps its items' lines (each task's line). Half the allocations go.
  private mapShape(): MapShape | undefined {
    return this.keepShapes ? new MapShape(this.line) : undefined
  }

  private seqShape(): SeqShape | undefined {
    return this.keepShapes || this.depth === 1 ? new SeqShape(this.line) : undefined
  }

  private leave(shape: MapShape | SeqShape | undefined, line: number): void {
    if (this.depth === 1 && shape instanceof SeqShape) this.topItems = shape.kids
    this.depth--
    this.shape = this.keepShapes && shape ? shape : line
  }

  private code(at: number): number {
    return this.text.charCodeAt(at)
  }
}

function endsFlowPlain(next: number, atLineEnd: boolean): boolean {
  return (
    atLineEnd ||
    isBlank(next) ||
    next === COMMA ||
    next === RBRACKET ||
    next === RBRACE ||
    next === LBRACKET ||
    next === LBRACE
  )
}

function isBlank(c: number): boolean {
  return c === SPACE || c === TAB
}

/** A plain scalar as the YAML 1.2 core schema reads it; a number beyond the simple forms is declined. */
function resolvePlain(source: string): unknown {
  const first = source.charCodeAt(0)
  if ((first >= 0x30 && first <= 0x39) || first === DASH || first === 0x2b || first === DOT) return coreNumber(source)
  if (source.length === 0) return null
  const word = source.length <= 5 ? CORE_WORDS.get(source) : undefined
  return word === undefined ? source : word
}

function coreNumber(source: string): unknown {
  if (CORE_INT.test(source)) {
    if (source.length > EXACT_DIGITS) throw DECLINED
    return Number(source)
  }
  if (CORE_FLOAT.test(source)) return parseFloat(source)
  if (CORE_OCT.test(source) || CORE_HEX.test(source)) {
    if (source.length > EXACT_DIGITS) throw DECLINED
    return parseInt(source.slice(2), source.charCodeAt(1) === 0x6f ? 8 : 16)
  }
  if (CORE_INFINITY.test(source)) return source.charCodeAt(0) === DASH ? -Infinity : Infinity
  if (CORE_NAN.test(source)) return NaN
  return source
}

/** A value with the lines its shape holds. */
/**
 * The value at `at` in the document whose shapes `shapeOf` gives, on `line`; `items` are its
 * elements' lines when known without the shapes (the tasks of a list).
 */
function located(
  value: unknown,
  line: number,
  at: Path,
  shapeOf: () => Shape,
  items?: { line: number; path: Path }[]
): Located {
  return {
    value,
    line,
    lineOf: (path) => (path.length === 0 ? line : lineOfShape(walk(shapeOf(), [...at, ...path]))),
    keyLineOf: (path, key) => {
      const map = walk(shapeOf(), [...at, ...path])
      const index = map instanceof MapShape ? map.keys.indexOf(key) : -1
      return index === -1 ? lineOfShape(map) : (map as MapShape).keyLines[index]
    },
    elements: () => {
      if (!Array.isArray(value)) return []
      if (items) return items.map((item, i) => located(value[i], item.line, item.path, shapeOf))
      const shape = walk(shapeOf(), at)
      if (!(shape instanceof SeqShape)) return []
      return shape.kids.map((kid, i) => located(value[i], lineOfShape(kid), [...at, i], shapeOf))
    }
  }
}

/** The shape at `path` under `shape`, or its nearest existing parent (as located.ts walks). */
function walk(shape: Shape, path: Path): Shape {
  let current = shape
  for (const segment of path) {
    let next: Shape | undefined
    if (current instanceof MapShape) {
      const index = current.keys.indexOf(String(segment))
      next = index === -1 ? undefined : current.kids[index]
    } else if (current instanceof SeqShape) next = current.kids[Number(segment)]
    if (next === undefined) break
    current = next
  }
  return current
}

function lineOfShape(shape: Shape): number {
  return typeof shape === 'number' ? shape : shape.line
}

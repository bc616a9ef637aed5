// The incident runbook (workflow.yml `runbook:`): which of the sections the readiness kit asks for
// its markdown has. Pure: src/load reads the file and turns what is missing into problems; the
// readiness check and the evidence pack read the same sections.
import { escapeRegExp } from '../util/escape-regexp.js'

/** A section the kit asks for, and the heading words that count as it (case-insensitive). */
export interface RunbookSectionKind {
  id: 'escalation' | 'fallback' | 'on_call' | 'disable'
  /** The section in words, as problems name it. */
  title: string
  /** Matched against each heading's text. */
  pattern: RegExp
  /** The words the pattern looks for, as the README and problems say them. */
  words: string
  /** A heading that counts. */
  example: string
}

export type RunbookSectionId = RunbookSectionKind['id']

// A hyphen, a space or nothing between the parts of "on-call", "fall back", "kill switch"
// (U+2010 and U+2011 are the hyphens word processors put in).
const JOIN = '[\\s\\u2010\\u2011_-]?'

export const RUNBOOK_SECTIONS: readonly RunbookSectionKind[] = [
  {
    id: 'escalation',
    title: 'when to escalate',
    pattern: /escalat/i,
    words: '"escalat" (escalate, escalation)',
    example: '## When to escalate'
  },
  {
    id: 'fallback',
    title: 'fallback behaviour',
    pattern: new RegExp(`fall${JOIN}back`, 'i'),
    words: '"fallback" or "fall back"',
    example: '## Fallback behaviour'
  },
  {
    id: 'on_call',
    title: 'on-call',
    pattern: new RegExp(`on${JOIN}call`, 'i'),
    words: '"on-call", "on call" or "oncall"',
    example: '## On-call'
  },
  {
    id: 'disable',
    title: 'how to disable automation',
    pattern: new RegExp(`disabl|kill${JOIN}switch`, 'i'),
    words: '"disable" (disabling) or "kill switch"',
    example: '## How to disable automation'
  }
]

/** A markdown heading and what stands under it, up to the next heading of its level or higher. */
export interface RunbookHeading {
  /** 1-based line of the heading in the file. */
  line: number
  /** 1 to 6 (`#` to `######`; an underlined heading is 1 with `=`, 2 with `-`). */
  level: number
  text: string
  /** The lines under it, subsections included. */
  body: string
}

export interface FoundRunbookSection {
  id: RunbookSectionId
  title: string
  /** Every heading that counts as the section and has something under it, in file order. */
  headings: RunbookHeading[]
}

export interface MissingRunbookSection {
  id: RunbookSectionId
  title: string
  /** What heading would count, in words: `a heading containing "escalat" (…), e.g. "## When to escalate"`. */
  expected: string
  /** A heading that counts but has nothing under it (the first such). */
  empty?: RunbookHeading
}

export interface RunbookSections {
  /** Every heading of the file, in order (code blocks skipped). */
  headings: RunbookHeading[]
  found: FoundRunbookSection[]
  missing: MissingRunbookSection[]
}

/** A runbook as loading leaves it on the workflow: where it is, its text, and its sections. */
export interface Runbook {
  /** Absolute path. */
  path: string
  /** As problems and reports name it (relative to the current folder). */
  file: string
  text: string
  sections: RunbookSections
}

/** The kit's sections that `markdown` has and lacks; a heading may count as several (e.g. "Escalation and fallback"). */
export function runbookSections(markdown: string): RunbookSections {
  const headings = markdownHeadings(markdown)
  const found: FoundRunbookSection[] = []
  const missing: MissingRunbookSection[] = []
  for (const kind of RUNBOOK_SECTIONS) {
    const matching = headings.filter((h) => kind.pattern.test(h.text))
    const filled = matching.filter((h) => hasContent(h.body))
    if (filled.length > 0) {
      found.push({ id: kind.id, title: kind.title, headings: filled })
      continue
    }
    const expected = `a heading containing ${kind.words}, e.g. "${kind.example}"`
    missing.push({ id: kind.id, title: kind.title, expected, ...(matching[0] ? { empty: matching[0] } : {}) })
  }
  return { headings, found, missing }
}

/**
 * Whether a section names the kill switch: an env variable exactly (case matters), a header in any
 * case, as a whole word in its heading or under it.
 */
export function sectionNames(section: FoundRunbookSection, name: string, kind: 'env' | 'header'): boolean {
  const word = kind === 'env' ? '[A-Za-z0-9_]' : '[A-Za-z0-9_-]'
  const pattern = new RegExp(`(?<!${word})${escapeRegExp(name)}(?!${word})`, kind === 'env' ? '' : 'i')
  return section.headings.some((h) => pattern.test(h.text) || pattern.test(h.body))
}

interface Fence {
  marker: string
  length: number
}

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/
const FENCE = /^ {0,3}(`{3,}|~{3,})/
// A line that is not a paragraph's text: a setext underline under it is a rule or a list item.
const NOT_PARAGRAPH = /^(?: {4}|\t| {0,3}(?:[-*+>|]|\d+[.)]|<!--)|\s*$)/

/** The headings of a markdown text as CommonMark reads them: `#` to `######`, or text underlined with `=` or `-`. */
function markdownHeadings(markdown: string): RunbookHeading[] {
  const lines = markdown.split(/\r\n|\r|\n/)
  const marks: { index: number; level: number; text: string; bodyFrom: number }[] = []
  let fence: Fence | undefined
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    const opening = FENCE.exec(line)
    if (fence) {
      if (opening && opening[1][0] === fence.marker && opening[1].length >= fence.length && closesFence(line))
        fence = undefined
      continue
    }
    if (opening) {
      fence = { marker: opening[1][0], length: opening[1].length }
      continue
    }
    const atx = ATX.exec(line)
    if (atx) {
      marks.push({ index: i, level: atx[1].length, text: (atx[2] ?? '').trim(), bodyFrom: i + 1 })
      continue
    }
    const next = lines[i + 1]
    const underline = next === undefined ? null : SETEXT.exec(next)
    if (underline && !NOT_PARAGRAPH.test(line)) {
      marks.push({ index: i, level: underline[1][0] === '=' ? 1 : 2, text: line.trim(), bodyFrom: i + 2 })
      i++
    }
  }
  return marks.map((mark, k) => {
    const end = marks.slice(k + 1).find((m) => m.level <= mark.level)?.index ?? lines.length
    return {
      line: mark.index + 1,
      level: mark.level,
      text: mark.text,
      body: lines.slice(mark.bodyFrom, end).join('\n')
    }
  })
}

function closesFence(line: string): boolean {
  return /^ {0,3}(`{3,}|~{3,})[ \t]*$/.test(line)
}

/** Text under a heading that is more than blank lines and HTML comments (a template's placeholders). */
function hasContent(body: string): boolean {
  return body.replace(/<!--[\s\S]*?(?:-->|$)/g, '').trim() !== ''
}

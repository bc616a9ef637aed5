// The runbook's markdown as blocks of the pack: a small, exact reader of what a runbook uses —
// ATX headings, paragraphs, bullet and numbered lists, fenced code, tables, quotes — and, inside a
// line, code spans, bold and links. Whatever else is text as written. Nothing of it is markup:
// the renderers escape every character, and a link is shown as its text and address, never followed.
import { runsOf, type Block, type Inline, type Line } from './blocks.js'

const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/
const FENCE = /^ {0,3}(`{3,}|~{3,})/
const ITEM = /^ {0,3}([-*+]|\d{1,9}[.)])[ \t]+(.*)$/
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/
const QUOTE = /^ {0,3}>[ \t]?(.*)$/
const TABLE_DIVIDER = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/

type Reader = (lines: string[], at: number, out: Block[]) => number | undefined

/** The blocks of `text`; its headings start at `topLevel` (the page's own headings come first). */
export function runbookBlocks(text: string, topLevel: 3 | 4 = 3): Block[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  const out: Block[] = []
  const readers: Reader[] = [blank, fence, heading(topLevel), rule, table, list, quote, paragraph]
  let at = 0
  while (at < lines.length) {
    for (const read of readers) {
      const next = read(lines, at, out)
      if (next !== undefined) {
        at = next
        break
      }
    }
  }
  return out
}

const blank: Reader = (lines, at) => (lines[at].trim() === '' ? at + 1 : undefined)

const fence: Reader = (lines, at, out) => {
  const open = FENCE.exec(lines[at])
  if (!open) return undefined
  const marker = open[1]
  const body: string[] = []
  let end = at + 1
  while (end < lines.length && !closesFence(lines[end], marker)) body.push(lines[end++])
  out.push({ kind: 'code', text: body.join('\n') })
  return end + 1
}

function closesFence(line: string, marker: string): boolean {
  const close = FENCE.exec(line)
  return close !== null && close[1][0] === marker[0] && close[1].length >= marker.length && line.trim() === close[1]
}

function heading(topLevel: 3 | 4): Reader {
  return (lines, at, out) => {
    const match = HEADING.exec(lines[at])
    if (!match) return undefined
    const level = Math.min(6, topLevel + match[1].length - 1) as 3 | 4 | 5 | 6
    out.push({ kind: 'heading', level, text: plainText(match[2] ?? '') })
    return at + 1
  }
}

const rule: Reader = (lines, at) => (RULE.test(lines[at]) ? at + 1 : undefined)

const table: Reader = (lines, at, out) => {
  if (!lines[at].includes('|') || at + 1 >= lines.length || !TABLE_DIVIDER.test(lines[at + 1])) return undefined
  const header = cells(lines[at])
  const rows: string[][] = []
  let end = at + 2
  while (end < lines.length && lines[end].includes('|') && lines[end].trim() !== '') {
    const row = cells(lines[end++])
    rows.push(header.map((_, i) => row[i] ?? ''))
  }
  out.push({ kind: 'table', header, rows })
  return end
}

/** A table row's cells as plain text (`\|` is a bar inside a cell). */
function cells(line: string): string[] {
  const trimmed = line
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '')
  return trimmed.split(/(?<!\\)\|/).map((cell) => plainText(cell.trim().replace(/\\\|/g, '|')))
}

const list: Reader = (lines, at, out) => {
  const first = ITEM.exec(lines[at])
  if (!first) return undefined
  const ordered = /\d/.test(first[1])
  const items: string[] = []
  let end = at
  while (end < lines.length) {
    const item = ITEM.exec(lines[end])
    if (item && /\d/.test(item[1]) === ordered) items.push(item[2])
    else if (item || lines[end].trim() === '' || !/^\s/.test(lines[end])) break
    else items[items.length - 1] += ` ${lines[end].trim()}`
    end++
  }
  out.push({ kind: 'list', ordered, items: items.map(inlineRuns) })
  return end
}

const quote: Reader = (lines, at, out) => {
  if (!QUOTE.test(lines[at])) return undefined
  const body: string[] = []
  let end = at
  while (end < lines.length) {
    const match = QUOTE.exec(lines[end])
    if (!match) break
    body.push(match[1])
    end++
  }
  out.push({ kind: 'paragraph', line: inlineRuns(body.join(' ').trim()), muted: true })
  return end
}

/** Lines up to a blank line or the start of another block. */
const paragraph: Reader = (lines, at, out) => {
  const body = [lines[at].trim()]
  let end = at + 1
  while (end < lines.length && lines[end].trim() !== '' && !startsBlock(lines, end)) body.push(lines[end++].trim())
  out.push({ kind: 'paragraph', line: inlineRuns(body.join(' ')) })
  return end
}

function startsBlock(lines: string[], at: number): boolean {
  const line = lines[at]
  return HEADING.test(line) || FENCE.test(line) || ITEM.test(line) || QUOTE.test(line) || RULE.test(line)
}

// Inside a line: `code`, **bold** (or __bold__), [text](address) and <address>; the rest as written.
const INLINE =
  /(`+)([\s\S]*?[^`])\1(?!`)|\*\*(?=\S)([\s\S]*?\S)\*\*|__(?=\S)([\s\S]*?\S)__|\[([^\]]*)\]\(([^)\s]*)\)|<((?:https?|mailto):[^>\s]*)>/g

function inlineRuns(text: string): Line {
  const runs: Inline[] = []
  let last = 0
  for (const match of text.matchAll(INLINE)) {
    if (match.index > last) runs.push(text.slice(last, match.index))
    const [, , code, bold, underBold, linkText, linkTarget, auto] = match
    if (code !== undefined) runs.push({ text: code.trim() === '' ? code : code.replace(/^ (.*) $/, '$1'), code: true })
    else if (bold !== undefined || underBold !== undefined) runs.push({ text: bold ?? underBold, strong: true })
    else if (linkText !== undefined) runs.push(linkTarget ? `${linkText} (${linkTarget})` : linkText)
    else runs.push(auto)
    last = match.index + match[0].length
  }
  if (last < text.length) runs.push(text.slice(last))
  return runs
}

/** A heading or a table cell: its inline markup read, shown as text. */
function plainText(text: string): string {
  return runsOf(inlineRuns(text))
    .map((run) => (typeof run === 'string' ? run : run.text))
    .join('')
}

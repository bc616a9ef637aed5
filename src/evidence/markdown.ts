// The evidence pack's blocks as markdown for a wiki: the same text as the HTML form, made inert
// (no HTML, no mention, no link but the pack's own), tables as GitHub-flavoured tables.
import { inertText } from '../report/inert-text.js'
import { markdownTable } from '../report/markdown-table.js'
import { runsOf, type Block, type BlockKind, type BlockOf, type Fact, type Inline, type Line } from './blocks.js'

const RENDERERS: { [K in BlockKind]: (block: BlockOf<K>) => string } = {
  heading: (b) => `${'#'.repeat(b.level)} ${inertText(b.text)}`,
  paragraph: (b) => (b.muted ? `_${lineMarkdown(b.line)}_` : lineMarkdown(b.line)),
  list: (b) => b.items.map((item, i) => `${b.ordered ? `${i + 1}.` : '-'} ${lineMarkdown(item)}`).join('\n'),
  facts: (b) => b.rows.map(factMarkdown).join('\n'),
  table: (b) =>
    markdownTable(
      b.header.map((name) => inertText(name)),
      b.rows.map((row) => row.map((cell) => inertText(cell)))
    ),
  code: (b) => fenced(b.text),
  callout: (b) =>
    [`**${inertText(b.title)}**`, ...(b.items.length > 0 ? ['', ...b.items.map((item) => `- ${inertText(item)}`)] : [])]
      .map((line) => (line === '' ? '>' : `> ${line}`))
      .join('\n'),
  rendered: (b) => b.markdown,
  keep: (b) => b.blocks.map(blockMarkdown).join('\n\n'),
  part: (b) => [`## ${inertText(b.title)}`, ...b.blocks.map(blockMarkdown)].join('\n\n')
}

export function blockMarkdown(block: Block): string {
  return (RENDERERS[block.kind] as (b: Block) => string)(block)
}

function factMarkdown(row: Fact): string {
  const term = `- **${inertText(row.term)}:**`
  const { value } = row
  if (typeof value === 'object' && !Array.isArray(value) && 'list' in value)
    return [term, ...value.list.map((item) => `  - ${lineMarkdown(item)}`)].join('\n')
  return `${term} ${lineMarkdown(value)}`
}

function lineMarkdown(line: Line): string {
  return runsOf(line).map(inlineMarkdown).join('')
}

function inlineMarkdown(run: Inline): string {
  if (typeof run === 'string') return inertText(run)
  if ('page' in run) return `[${inertText(run.text)}](${run.page}.md)`
  if ('href' in run) return `[${inertText(run.text)}](${linkTarget(run.href)})`
  if (run.code) return codeSpan(run.text)
  return run.strong ? `**${inertText(run.text)}**` : inertText(run.text)
}

/** A relative path as a link target: percent-encoded, so that no space or parenthesis ends it. */
function linkTarget(href: string): string {
  return encodeURI(href).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}

/** A code span that no backtick inside it can close. */
function codeSpan(text: string): string {
  const fence = '`'.repeat(longestRun(text, '`') + 1)
  const flat = text.replace(/\s*[\r\n]+\s*/g, ' ')
  return `${fence}${flat.startsWith('`') || flat.endsWith('`') ? ` ${flat} ` : flat}${fence}`
}

/** A fenced code block that no line inside it can close. */
function fenced(text: string): string {
  const fence = '`'.repeat(Math.max(3, longestRun(text, '`') + 1))
  return `${fence}text\n${text.replace(/\n+$/, '')}\n${fence}`
}

function longestRun(text: string, char: string): number {
  let longest = 0
  let run = 0
  for (const c of text) {
    run = c === char ? run + 1 : 0
    if (run > longest) longest = run
  }
  return longest
}

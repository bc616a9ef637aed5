// The evidence pack's blocks as HTML, through the project's one builder (src/html): every text
// escaped, links only between the pack's pages and to files beside it.
import { h, type Child, type Html } from '../html/escape.js'
import { columnWidthClass } from './style.js'
import { runsOf, type Block, type BlockKind, type BlockOf, type Fact, type Inline, type Line } from './blocks.js'

const RENDERERS: { [K in BlockKind]: (block: BlockOf<K>) => Html } = {
  heading: (b) => h(`h${b.level}`, null, b.text),
  paragraph: (b) => h('p', { class: b.muted ? 'muted' : null }, lineHtml(b.line)),
  list: (b) => h(b.ordered ? 'ol' : 'ul', null, ...b.items.map((item) => h('li', null, lineHtml(item)))),
  facts: (b) =>
    h(
      'dl',
      { class: 'definitions' },
      ...b.rows.map((row) => [h('dt', null, row.term), h('dd', null, factValue(row.value))])
    ),
  table: (b) => {
    const numeric = new Set(b.numeric ?? [])
    const cls = (i: number) => (numeric.has(i) ? 'num' : null)
    const widths = b.widths ?? b.header.map(() => 100 / b.header.length)
    return h(
      'table',
      { class: 'grid-table fixed' },
      h('colgroup', null, ...widths.map((width) => h('col', { class: columnWidthClass(width) }))),
      h('thead', null, h('tr', null, ...b.header.map((name, i) => h('th', { class: cls(i) }, name)))),
      h('tbody', null, ...b.rows.map((row) => h('tr', null, ...row.map((cell, i) => h('td', { class: cls(i) }, cell)))))
    )
  },
  code: (b) => h('pre', null, h('code', null, b.text)),
  callout: (b) =>
    h(
      'section',
      { class: `decision decision-${b.tone}`, role: b.tone === 'error' ? 'alert' : null },
      h('p', { class: 'verdict' }, h('strong', null, b.title)),
      b.items.length > 0 && h('ul', { class: 'reasons' }, ...b.items.map((item) => h('li', null, item)))
    ),
  rendered: (b) => b.html,
  keep: (b) => h('div', { class: 'keep' }, ...b.blocks.map(blockHtml)),
  part: (b) => h('section', { class: 'part' }, h('h2', null, b.title), ...b.blocks.map(blockHtml))
}

export function blockHtml(block: Block): Html {
  return (RENDERERS[block.kind] as (b: Block) => Html)(block)
}

function factValue(value: Fact['value']): Child {
  if (typeof value === 'object' && !Array.isArray(value) && 'list' in value)
    return h('ul', null, ...value.list.map((item) => h('li', null, lineHtml(item))))
  return lineHtml(value)
}

function lineHtml(line: Line): Child[] {
  return runsOf(line).map(inlineHtml)
}

/** The file a link points at in the HTML form: a page of the pack, or a file beside it as given. */
export function pageFile(page: string): string {
  return `${page}.html`
}

function inlineHtml(run: Inline): Child {
  if (typeof run === 'string') return run
  if ('page' in run) return h('a', { href: pageFile(run.page) }, run.text)
  if ('href' in run) return h('a', { href: run.href }, run.text)
  if (run.code) return h('code', null, run.text)
  return run.strong ? h('strong', null, run.text) : run.text
}

// A page of the evidence pack: its id, its title, what the index says of it, and its blocks;
// and the two forms it is written in.
import { documentEnd, documentStart, MAIN_END, pageStyle, sourceHash } from '../html/document.js'
import { h, render } from '../html/escape.js'
import { PAGE_IDS, type Block, type Line, type PageId } from './blocks.js'
import { blockHtml, pageFile } from './html.js'
import type { EvidenceInput } from './input.js'
import { blockMarkdown } from './markdown.js'
import { inertText } from '../report/inert-text.js'
import { PACK_STYLE } from './style.js'

export interface PackPage {
  id: Exclude<PageId, 'index'>
  title: string
  /** What a reader finds on it, in a few words (its line on the index). */
  summary(input: EvidenceInput): Line
  blocks(input: EvidenceInput): Block[]
}

/** A page as written: its title, a line under it, its blocks. */
export interface PageContent {
  id: PageId
  title: string
  /** The workflows it is about, the run it shows. */
  lede: string
  blocks: Block[]
}

const STYLE = pageStyle(PACK_STYLE)
// Nothing is loaded from anywhere and nothing runs: the page is its text and its own stylesheet.
const POLICY = ["default-src 'none'", `style-src ${sourceHash(STYLE)}`, "base-uri 'none'", "form-action 'none'"].join(
  '; '
)

export const PAGE_TITLES: Record<PageId, string> = {
  index: 'Evidence pack',
  manifest: 'Workflow manifest',
  permissions: 'Permission matrix',
  'data-governance': 'Data governance',
  'eval-report': 'Eval report',
  'trace-sample': 'Trace sample',
  runbook: 'Incident runbook',
  readiness: 'Readiness checklist'
}

export function pageHtml(page: PageContent): string {
  const shell = {
    doctype: '<!DOCTYPE html>',
    title: `${page.title} — ${page.lede}`,
    policy: POLICY,
    style: STYLE
  } as const
  const nav = h(
    'nav',
    { class: 'pack-nav', 'aria-label': 'Evidence pack' },
    ...PAGE_IDS.map((id) =>
      h('a', { href: pageFile(id), 'aria-current': id === page.id ? 'page' : null }, PAGE_TITLES[id])
    )
  )
  const body = [nav, h('h1', null, page.title), h('p', { class: 'lede' }, page.lede), ...page.blocks.map(blockHtml)]
  return documentStart(shell) + render(body) + MAIN_END + documentEnd()
}

export function pageMarkdown(page: PageContent): string {
  const back = page.id === 'index' ? [] : ['Part of the [evidence pack](index.md).']
  const parts = [`# ${inertText(page.title)}`, `_${inertText(page.lede)}_`, ...back, ...page.blocks.map(blockMarkdown)]
  return parts.join('\n\n') + '\n'
}

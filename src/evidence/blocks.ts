// What a page of the evidence pack is made of: blocks of text that one renderer turns into HTML
// (src/evidence/html.ts) and another into markdown (src/evidence/markdown.ts), so that the two
// forms of a page say the same. Every string is plain text: the renderers escape it.
import type { Html } from '../html/escape.js'

/** The pack's pages, by id; each is `<id>.html` and `<id>.md`. */
export const PAGE_IDS = [
  'index',
  'manifest',
  'permissions',
  'data-governance',
  'eval-report',
  'trace-sample',
  'runbook',
  'readiness'
] as const
export type PageId = (typeof PAGE_IDS)[number]

/** A run of text: plain, bold, code, or a link to another page of the pack or to a file beside it. */
export type Inline =
  | string
  | { text: string; strong?: boolean; code?: boolean }
  | { text: string; page: PageId }
  | { text: string; href: string }

/** One line of text made of runs. */
export type Line = Inline | Inline[]

export interface Fact {
  term: string
  value: Line | { list: Line[] }
}

export type Tone = 'pass' | 'fail' | 'error' | 'note'

export type Block =
  | { kind: 'heading'; level: 3 | 4 | 5 | 6; text: string }
  | { kind: 'paragraph'; line: Line; muted?: boolean }
  | { kind: 'list'; items: Line[]; ordered?: boolean }
  /** Terms and their values; a `list` value is shown as bullets. */
  | { kind: 'facts'; rows: Fact[] }
  /** Columns as wide as `widths` (percentages; default equal), cells wrapped anywhere: nothing past the edge. */
  | { kind: 'table'; header: string[]; rows: string[][]; numeric?: readonly number[]; widths?: readonly number[] }
  | { kind: 'code'; text: string }
  /** A box that stands out: the decision of the run, above all when it is `error`. */
  | { kind: 'callout'; tone: Tone; title: string; items: string[] }
  /** A part rendered by a renderer the project already has for each form (the permission matrix). */
  | { kind: 'rendered'; html: Html; markdown: string }
  /** Blocks kept together on one printed sheet where they fit (one trace of the sample). */
  | { kind: 'keep'; blocks: Block[] }
  /** One workflow's part of a page: printed from the top of a sheet. */
  | { kind: 'part'; title: string; blocks: Block[] }

export type BlockKind = Block['kind']
export type BlockOf<K extends BlockKind> = Extract<Block, { kind: K }>

/** The runs of a line, as a list. */
export function runsOf(line: Line): Inline[] {
  return Array.isArray(line) ? line : [line]
}

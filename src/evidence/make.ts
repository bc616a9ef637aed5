// Small constructors for the blocks pages are made of.
import { cellText, type Fact as WordsFact } from '../html/sections/manifest-facts.js'
import type { Block, Fact, Line } from './blocks.js'
import type { EvidenceInput, EvidenceWorkflow } from './input.js'

export function paragraph(line: Line): Block {
  return { kind: 'paragraph', line }
}

export function muted(line: Line): Block {
  return { kind: 'paragraph', line, muted: true }
}

export function heading(level: 3 | 4, text: string): Block {
  return { kind: 'heading', level, text }
}

export function facts(rows: [string, Fact['value']][]): Block {
  return { kind: 'facts', rows: rows.map(([term, value]) => ({ term, value })) }
}

/** Facts worded by src/html/sections/manifest-facts.ts: a list value as bullets, a table value as a table after them. */
export function wordedFacts(rows: WordsFact[]): Block[] {
  const lines: [string, Fact['value']][] = []
  const tables: Block[] = []
  for (const [term, value] of rows) {
    if (typeof value === 'string') lines.push([term, value])
    else if (Array.isArray(value)) lines.push([term, { list: value }])
    else
      tables.push(heading(4, term), {
        kind: 'table',
        header: value.header,
        rows: value.rows.map((cells) => cells.map(cellText))
      })
  }
  return [facts(lines), ...tables]
}

/** A list, or `empty` (muted) when it has no item. */
export function listOr(items: string[], empty: string): Block {
  return items.length > 0 ? { kind: 'list', items } : muted(empty)
}

/** One part per workflow, in the order of the manifests. */
export function perWorkflow(input: EvidenceInput, blocks: (w: EvidenceWorkflow) => Block[]): Block[] {
  return input.workflows.map((w) => ({ kind: 'part', title: w.info.name, blocks: blocks(w) }))
}

/** `refund_request_v2` or `a, b and c`. */
export function workflowNames(input: EvidenceInput): string {
  const names = input.workflows.map((w) => w.info.name)
  return names.length <= 1 ? (names[0] ?? 'no workflow') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
}

/** Said first on the manifest's pages when its files changed since the run the pack shows. */
export function changedNote(w: EvidenceWorkflow): Block[] {
  if (!w.changedSinceRun) return []
  return [
    paragraph({
      text:
        `${w.info.file} has changed since the run: this page shows the permission matrix, identity and ` +
        'data governance as the run recorded them (report.json), the ones its results are evidence for.',
      strong: true
    })
  ]
}

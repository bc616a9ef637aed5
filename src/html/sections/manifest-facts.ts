// What a manifest says, in words, for every page that shows it (report.html's workflow card and
// the evidence pack's pages): plain data, each page renders it its own way.
import { RETENTION_KINDS, retentionDays } from '../../model/governance.js'
import type { WorkflowInfo } from '../../model/types.js'

export const NOT_RECORDED = 'not recorded in this report'
export const NOT_DECLARED = 'not declared'

/** A table cell: text, an address shown as code, or a word that says nothing is there. */
export type FactCell = string | { text: string; code?: boolean; muted?: boolean }

/** A fact's value that is a table (subprocessors, what is stored where). */
export interface FactTable {
  header: string[]
  rows: FactCell[][]
}

/** A term and its value: text, a list (shown as bullets), or a table; an empty list or table is said in words. */
export type Fact = [term: string, value: string | string[] | FactTable]

export function agentText(w: WorkflowInfo): string {
  return w.agent ? `${w.agent.type}${w.agent.model ? ` (${w.agent.model})` : ''}` : NOT_RECORDED
}

export function identityText(w: WorkflowInfo): string {
  if (!w.identity) return NOT_DECLARED
  return `${w.identity.model}${w.identity.principal ? ` as ${w.identity.principal}` : ''}`
}

type Governance = NonNullable<WorkflowInfo['data_governance']>

/**
 * data_governance: what is sent to which provider and region, how long each kind of data is kept,
 * what is redacted, who processes it and what is stored where.
 */
export function governanceFacts(g: Governance): Fact[] {
  return [
    ['Model provider', g.model_provider ?? NOT_DECLARED],
    ['Region', g.region ?? NOT_DECLARED],
    ['Retention', retentionText(g)],
    ['Sent to the model', g.sent_to_model ? listOr(g.sent_to_model, 'nothing declared') : NOT_DECLARED],
    ['Redaction rules', g.redact.length > 0 ? listOrNone(g.redact) : 'none (nothing is redacted)'],
    ['Subprocessors', g.subprocessors ? subprocessorTable(g.subprocessors) : NOT_DECLARED],
    ['Stored', g.stored ? storedTable(g.stored) : NOT_DECLARED]
  ]
}

export const NO_GOVERNANCE = 'no data_governance declared in the manifest'

/** `30 days`, or per kind when `retention` splits it: `prompts 30 days · traces 90 days · artifacts 14 days`. */
export function retentionText(g: Governance): string {
  if (!g.retention) return g.retention_days === undefined ? NOT_DECLARED : days(g.retention_days)
  return RETENTION_KINDS.map((kind) => {
    const kept = retentionDays(g, kind)
    return `${kind} ${kept === undefined ? NOT_DECLARED : days(kept)}`
  }).join(' · ')
}

function days(n: number): string {
  return `${n} day${n === 1 ? '' : 's'}`
}

const NOT_DECLARED_CELL: FactCell = { text: NOT_DECLARED, muted: true }

function subprocessorTable(subprocessors: NonNullable<Governance['subprocessors']>): FactTable | string {
  if (subprocessors.length === 0) return 'none'
  return {
    header: ['Name', 'Region', 'DPA'],
    // The address as text, not a link: a page references nothing outside itself.
    rows: subprocessors.map((s) => [
      s.name,
      s.region ?? NOT_DECLARED_CELL,
      s.dpa_url ? { text: s.dpa_url, code: true } : NOT_DECLARED_CELL
    ])
  }
}

function storedTable(stored: NonNullable<Governance['stored']>): FactTable | string {
  if (stored.length === 0) return 'nothing'
  return {
    header: ['What', 'Where', 'Kept'],
    rows: stored.map((s) => [
      s.what,
      s.where,
      s.retention_days === undefined ? NOT_DECLARED_CELL : days(s.retention_days)
    ])
  }
}

export function listOrNone(items: string[]): string {
  return items.length > 0 ? items.join(', ') : 'none'
}

/** The items, or `empty` when there are none. */
export function listOr(items: string[], empty: string): string | string[] {
  return items.length > 0 ? items : empty
}

/** A cell's text, whatever its form. */
export function cellText(cell: FactCell): string {
  return typeof cell === 'string' ? cell : cell.text
}

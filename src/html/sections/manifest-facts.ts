// What a manifest says, in words, for every page that shows it (report.html's workflow card and
// the evidence pack's pages): plain data, each page renders it its own way.
import type { WorkflowInfo } from '../../model/types.js'

export const NOT_RECORDED = 'not recorded in this report'

/** A term and its value: text, or a list (shown as bullets); an empty list is said in words. */
export type Fact = [term: string, value: string | string[]]

export function agentText(w: WorkflowInfo): string {
  return w.agent ? `${w.agent.type}${w.agent.model ? ` (${w.agent.model})` : ''}` : NOT_RECORDED
}

export function identityText(w: WorkflowInfo): string {
  if (!w.identity) return 'not declared'
  return `${w.identity.model}${w.identity.principal ? ` as ${w.identity.principal}` : ''}`
}

/** data_governance: what is sent to which provider and region, how long it is kept, what is redacted. */
export function governanceFacts(g: NonNullable<WorkflowInfo['data_governance']>): Fact[] {
  return [
    ['Model provider', g.model_provider ?? 'not declared'],
    ['Region', g.region ?? 'not declared'],
    ['Retention', g.retention_days === undefined ? 'not declared' : `${g.retention_days} days`],
    ['Sent to the model', g.sent_to_model ? listOr(g.sent_to_model, 'nothing declared') : 'not declared'],
    ['Redaction rules', g.redact.length > 0 ? listOrNone(g.redact) : 'none (nothing is redacted)']
  ]
}

export const NO_GOVERNANCE = 'no data_governance declared in the manifest'

export function listOrNone(items: string[]): string {
  return items.length > 0 ? items.join(', ') : 'none'
}

/** The items, or `empty` when there are none. */
export function listOr(items: string[], empty: string): string | string[] {
  return items.length > 0 ? items : empty
}

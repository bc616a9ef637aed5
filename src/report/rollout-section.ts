// The "Rollout" section of summary.md: the phase each workflow was judged at and what the agent
// may do there, whose authority it acts with, and its permission matrix with scopes and limits.
import { limitsInWords, PHASE_RULES, toolUseAt } from '../model/rollout.js'
import type { Phase, Report, ToolPermission, WorkflowInfo } from '../model/types.js'
import { inertText } from './inert-text.js'
import { markdownTable } from './markdown-table.js'

/** Empty for a report written before rollout phases (its workflows record none). */
export function rolloutSection(report: Report): string {
  const judged = report.workflows.filter((w) => w.phase !== undefined)
  if (judged.length === 0) return ''
  return ['### Rollout', ...judged.map(workflowPart)].join('\n\n')
}

function workflowPart(w: WorkflowInfo): string {
  const phase = w.phase!
  const declared = w.declared_phase ? ` (by --phase; its workflow.yml declares ${w.declared_phase})` : ''
  const head = `**${inertText(w.name)}** was judged at phase **${phase}**${declared} — ${PHASE_RULES[phase].allows}.`
  const table = permissionMatrixMarkdown(w.permissions ?? {}, phase)
  if (table === '') return `${head}\n\n${identityLine(w)}`
  return `${head}\n\n${identityLine(w)}\n\n<details><summary>Permission matrix</summary>\n\n${table}\n\n</details>`
}

/** The permission matrix as a markdown table (summary.md, the evidence pack); empty without tools. */
export function permissionMatrixMarkdown(permissions: Record<string, ToolPermission>, phase: Phase): string {
  const tools = Object.entries(permissions)
  if (tools.length === 0) return ''
  const rows = tools.map(([tool, p]) => [
    inertText(tool),
    p.scope,
    p.risk,
    p.approval,
    inertText((p.scopes ?? []).join(', ')) || '—',
    inertText(limitsInWords(p)) || '—',
    toolUseAt(phase, p)
  ])
  return markdownTable(['Tool', 'Scope', 'Risk', 'Approval', 'Scopes', 'Limits', `At ${phase}`], rows)
}

function identityLine(w: WorkflowInfo): string {
  if (!w.identity) return '- Identity: not declared'
  const principal = w.identity.principal ? ` as ${inertText(w.identity.principal)}` : ''
  return `- Identity: ${w.identity.model}${principal}`
}

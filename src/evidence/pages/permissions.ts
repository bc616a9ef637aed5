// (b) The permission matrix: tool -> scope, risk, approval, scopes, limits, and whose authority
// the calls carry. Rendered by the same renderers as report.html and summary.md.
import { plural } from '../../gate/format.js'
import { identityText } from '../../html/sections/manifest-facts.js'
import { permissionTable } from '../../html/sections/permission-table.js'
import { REQUEST_APPROVAL } from '../../model/approval-tool.js'
import { PHASE_RULES } from '../../model/rollout.js'
import type { ToolPermission } from '../../model/types.js'
import { permissionMatrixMarkdown } from '../../report/rollout-section.js'
import type { Block } from '../blocks.js'
import type { EvidenceWorkflow } from '../input.js'
import { changedNote, facts, muted, paragraph, perWorkflow } from '../make.js'
import type { PackPage } from '../page.js'

export const permissionsPage: PackPage = {
  id: 'permissions',
  title: 'Permission matrix',
  summary: (input) => input.workflows.map((w) => `${w.info.name}: ${toolCounts(w.info.permissions ?? {})}`).join('; '),
  blocks: (input) => perWorkflow(input, permissionBlocks)
}

function permissionBlocks(w: EvidenceWorkflow): Block[] {
  const phase = w.info.phase ?? 'autonomous'
  const permissions = w.info.permissions ?? {}
  return [
    ...changedNote(w),
    facts([
      ['Identity', identityText(w.info)],
      ['Rollout phase', [{ text: phase, strong: true }, ` — ${PHASE_RULES[phase].allows}`]],
      ['Tools', toolCounts(permissions)]
    ]),
    {
      kind: 'rendered',
      html: permissionTable(permissions, phase),
      markdown: permissionMatrixMarkdown(permissions, phase) || 'no tools are allowed'
    },
    paragraph(
      `Enforced on every golden task: a call to a tool the matrix does not list, or a direct call to an ` +
        `approval: required tool, is a guardrail violation and fails the task; the agent proposes such a call ` +
        `with ${REQUEST_APPROVAL} and a human approves. Limits bound the arguments of the calls it makes on its own.`
    ),
    muted('Scopes and identity are descriptive: evalgate shows them, the credentials behind the tools enforce them.')
  ]
}

/** `9 tools: 5 write, 1 high risk, 2 need approval`. */
function toolCounts(permissions: Record<string, ToolPermission>): string {
  const all = Object.values(permissions)
  if (all.length === 0) return 'no tools'
  const write = all.filter((p) => p.scope === 'write').length
  const high = all.filter((p) => p.risk === 'high').length
  const approval = all.filter((p) => p.approval === 'required').length
  return `${plural(all.length, 'tool')}: ${write} write, ${high} high risk, ${approval} need approval`
}

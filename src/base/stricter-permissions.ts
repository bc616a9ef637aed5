// The permission matrix of a pull request's run: the PR's tools, each tool the base also lists
// kept at the stricter of the two entries. A write tool cannot be re-declared read to slip past
// action matching, an approval the base requires stays required, and a limit on its arguments
// the base sets stays as strict. Its scopes (descriptive, not enforced) are the PR's.
import { RISKS, type ToolPermission } from '../model/types.js'
import { stricterLimits } from './stricter-limits.js'
import { higherIn } from './stricter.js'

export interface PermissionChange {
  tool: string
  change: string
}

export function stricterPermissions(
  base: Record<string, ToolPermission>,
  pr: Record<string, ToolPermission>
): { permissions: Record<string, ToolPermission>; changes: PermissionChange[] } {
  const permissions: Record<string, ToolPermission> = {}
  const changes: PermissionChange[] = []
  for (const [tool, mine] of Object.entries(pr)) {
    const theirs = base[tool]
    if (!theirs) {
      permissions[tool] = mine
      changes.push({ tool, change: `added in this PR (${describe(mine)})` })
      continue
    }
    const kept: ToolPermission = {
      scope: theirs.scope === 'write' || mine.scope === 'write' ? 'write' : 'read',
      risk: higherIn(RISKS, theirs.risk, mine.risk),
      approval: theirs.approval === 'required' || mine.approval === 'required' ? 'required' : 'none'
    }
    const limits = stricterLimits(theirs.limits, mine.limits)
    if (limits.limits) kept.limits = limits.limits
    if (mine.scopes) kept.scopes = mine.scopes
    permissions[tool] = kept
    for (const field of ['scope', 'risk', 'approval'] as const) {
      if (theirs[field] === mine[field]) continue
      const outcome = kept[field] === mine[field] ? 'applies' : `stays ${kept[field]}`
      changes.push({ tool, change: `${field} ${theirs[field]} -> ${mine[field]} in this PR: ${outcome}` })
    }
    for (const change of limits.changes) changes.push({ tool, change })
    const scopes = [theirs.scopes, mine.scopes].map((s) => (s ?? []).join(', ') || 'none')
    if (scopes[0] !== scopes[1])
      changes.push({ tool, change: `scopes ${scopes[0]} -> ${scopes[1]} in this PR: applies` })
  }
  for (const tool of Object.keys(base)) {
    if (!(tool in pr)) changes.push({ tool, change: `removed in this PR (was ${describe(base[tool])})` })
  }
  return { permissions, changes }
}

function describe(p: ToolPermission): string {
  return `${p.scope}, ${p.risk} risk, approval ${p.approval}`
}

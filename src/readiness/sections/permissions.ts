// §2 Permission matrix: every tool with scope, risk and approval, the credentials it is granted,
// high-risk writes behind an approval or limits, and whose authority the agent acts with.
import { plural } from '../../gate/format.js'
import type { ToolPermission } from '../../model/types.js'
import { check, evidence, lacking, type Check } from '../check.js'
import type { ReadinessSectionModule } from '../section.js'

export const permissionsSection: ReadinessSectionModule = {
  id: 'permission_matrix',
  number: 2,
  title: 'permission matrix',
  score({ workflow }) {
    const tools = Object.entries(workflow.permissions)
    const writes = tools.filter(([, p]) => p.scope === 'write').length
    const listed = check(
      tools.length > 0,
      `${plural(tools.length, 'tool')} with scope, risk and approval (${tools.length - writes} read, ${writes} write)`,
      'the permission matrix lists no tool (permissions)'
    )
    const unscoped = tools.filter(([, p]) => (p.scopes ?? []).length === 0).map(([tool]) => tool)
    const scopes =
      tools.length === 0
        ? []
        : [
            check(
              unscoped.length === 0,
              'every tool names the credential scopes it is granted',
              unscoped.length === tools.length
                ? 'no tool names the credential scopes it is granted (scopes in the permission matrix)'
                : `no credential scopes (scopes) for ${unscoped.join(', ')}`
            )
          ]
    const identity = workflow.identity
    return {
      checks: [
        listed,
        ...highRiskWrites(tools),
        ...scopes,
        identity?.principal
          ? evidence(`identity: ${identity.model} as ${identity.principal}`)
          : lacking(
              identity
                ? `identity ${identity.model} names no principal (identity.principal)`
                : 'no identity (identity.model, identity.principal)'
            )
      ]
    }
  }
}

/** Each high-risk write tool needs approval: required or limits; none applies without such a tool. */
function highRiskWrites(tools: [string, ToolPermission][]): Check[] {
  const risky = tools.filter(([, p]) => p.scope === 'write' && p.risk === 'high')
  if (risky.length === 0) return tools.length > 0 ? [evidence('no high-risk write tool')] : []
  const open = risky.filter(([, p]) => p.approval !== 'required' && Object.keys(p.limits ?? {}).length === 0)
  const guard = (p: ToolPermission) => (p.approval === 'required' ? 'approval required' : 'limits')
  return [
    check(
      open.length === 0,
      `high-risk writes guarded: ${risky.map(([tool, p]) => `${tool} (${guard(p)})`).join(', ')}`,
      `high-risk write ${open.map(([tool]) => tool).join(', ')} has neither approval: required nor limits`
    )
  ]
}

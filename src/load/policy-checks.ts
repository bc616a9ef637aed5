// What loading says about a workflow's rollout policy: limits that cannot apply to the tool's
// arguments as its tool schema declares them (errors), and a matrix that lets the agent take a
// high-risk write on its own (warnings).
import { isPlainMap } from '../model/schema-common.js'
import { kindsNotFor } from '../model/limits.js'
import { phaseOf } from '../model/workflow.js'
import type { ToolPermission, ToolSchema, Workflow } from '../model/types.js'
import type { Problem } from '../util/problems.js'
import type { Located } from './located.js'

export function policyProblems(workflow: Workflow, manifest: Located, file: string): Problem[] {
  const problems: Problem[] = []
  const at = (path: PropertyKey[], message: string, severity: Problem['severity']) =>
    problems.push({ file, line: manifest.lineOf(path), message, severity })
  const schemas = new Map((workflow.tool_schemas ?? []).map((s) => [s.name, s]))

  for (const [tool, permission] of Object.entries(workflow.permissions)) {
    const properties = argumentsOf(schemas.get(tool))
    for (const [arg, limit] of Object.entries(permission.limits ?? {})) {
      if (!properties) continue
      const where = ['permissions', tool, 'limits', arg]
      if (!Object.hasOwn(properties, arg)) {
        const known = Object.keys(properties)
        const list = known.length > 0 ? `its arguments are ${known.join(', ')}` : 'it declares no arguments'
        at(where, `limit on "${arg}", which the tool schema of ${tool} does not have (${list})`, 'error')
        continue
      }
      const type = typeOf(properties[arg])
      const wrong = type === undefined ? [] : kindsNotFor(limit, type)
      if (wrong.length > 0)
        at(where, `limit ${wrong.join(', ')} on "${arg}" cannot apply: its tool schema type is ${type}`, 'error')
    }
    if (unguardedHighRiskWrite(permission))
      at(
        ['permissions', tool],
        `${tool} is a high-risk write tool with neither approval: required nor limits: at phase autonomous the agent may call it on its own with any arguments`,
        'warning'
      )
  }

  const autonomousWrites = Object.keys(workflow.permissions).filter((tool) =>
    isAutonomousHighRiskWrite(workflow.permissions[tool])
  )
  if (
    workflow.identity?.model === 'user_impersonation' &&
    phaseOf(workflow) === 'autonomous' &&
    autonomousWrites.length
  )
    at(
      ['identity', 'model'],
      `identity user_impersonation with autonomous high-risk writes (${autonomousWrites.join(', ')}): the agent acts as the user with no human approving; require approval for them or use delegated_service`,
      'warning'
    )
  return problems
}

function isAutonomousHighRiskWrite(p: ToolPermission): boolean {
  return p.scope === 'write' && p.risk === 'high' && p.approval !== 'required'
}

function unguardedHighRiskWrite(p: ToolPermission): boolean {
  return isAutonomousHighRiskWrite(p) && Object.keys(p.limits ?? {}).length === 0
}

/** The tool schema's declared arguments (`parameters.properties`); undefined when it declares none to check against. */
function argumentsOf(schema: ToolSchema | undefined): Record<string, unknown> | undefined {
  const properties = schema?.parameters?.properties
  return isPlainMap(properties) ? properties : undefined
}

function typeOf(property: unknown): string | undefined {
  return isPlainMap(property) && typeof property.type === 'string' ? property.type : undefined
}

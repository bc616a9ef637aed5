// A call's arguments against its tool's JSON schema (workflow tool_schemas[].parameters), as the
// real tool would check them: a call that breaks the schema is refused before a fixture or a
// backend answers it. Each schema is compiled on the first call of its tool and kept for the run.
// On a pull request a call must fit the base's schema of its tool too: a PR cannot loosen the
// check that grades it.
import type { ToolSchema, Workflow } from '../model/types.js'
import { compiledSchema, jsonSchemaLoading, schemaErrorsText } from '../util/json-schema.js'

/** Tool name -> its parameters, per tool schema list (one per loaded workflow, shared by its sessions). */
const parametersByList = new WeakMap<readonly ToolSchema[], Map<string, object>>()

/** While ajv loads, for a workflow with tool schemas: calls wait for it (in arrival order). */
export function argsCheckPending(workflow: Workflow): Promise<void> | undefined {
  const none = schemaLists(workflow).every((list) => parametersOf(list).size === 0)
  return none ? undefined : jsonSchemaLoading()
}

/** Why the arguments break the tool's schema; undefined when they fit, or the tool has none. */
export function argsMismatch(workflow: Workflow, tool: string, args: unknown): string | undefined {
  for (const [i, list] of schemaLists(workflow).entries()) {
    const parameters = parametersOf(list).get(tool)
    if (!parameters) continue
    const base = i > 0
    const schema = compiledSchema(parameters)
    if (!schema.ok)
      return `the ${base ? "base's " : ''}JSON schema of ${tool} cannot be compiled, so no call to it is accepted: ${schema.error}`
    if (!schema.validate(args))
      return `arguments of ${tool} do not match ${base ? "the base's schema of it" : 'its schema'}: ${schemaErrorsText(schema.validate.errors)}`
  }
  return undefined
}

/** The workflow's own tool schemas, then (on a PR) the base's. */
function schemaLists(workflow: Workflow): Array<readonly ToolSchema[] | undefined> {
  return [workflow.tool_schemas, workflow.base_tool_schemas]
}

function parametersOf(list: readonly ToolSchema[] | undefined): ReadonlyMap<string, object> {
  if (!list) return NONE
  let byName = parametersByList.get(list)
  if (!byName) {
    byName = new Map()
    for (const { name, parameters } of list) if (parameters && !byName.has(name)) byName.set(name, parameters)
    parametersByList.set(list, byName)
  }
  return byName
}

const NONE: ReadonlyMap<string, object> = new Map()

import type { GoldenTask, Phase, ToolPermission, Workflow } from '../model/types.js'
import { phaseOf } from '../model/workflow.js'
import { REQUEST_APPROVAL } from '../sandbox/index.js'

/** A tool as the agent sees it in its payload (its limits too; its scopes are the reviewer's, not the agent's). */
export interface PayloadTool extends Omit<ToolPermission, 'scopes'> {
  name: string
  description?: string
  parameters?: unknown
}

/** What a command agent reads on stdin and an http agent receives as the POST body. */
export interface AgentPayload {
  task_id: string
  workflow: string
  input: unknown
  tools: PayloadTool[]
  /** The rollout phase the run judges it at: what the sandbox lets it do (draft, propose, autonomous). */
  phase: Phase
  tools_url?: string
}

const REQUEST_APPROVAL_TOOL: PayloadTool = {
  name: REQUEST_APPROVAL,
  scope: 'read',
  risk: 'low',
  approval: 'none',
  description:
    'Propose an action that needs human approval (a tool marked approval: required). Nothing is executed; the answer is {"status":"pending_approval"}.',
  parameters: {
    type: 'object',
    properties: {
      tool: { type: 'string', description: 'The tool to run once approved' },
      args: { type: 'object', description: 'Its arguments' },
      reason: { type: 'string', description: 'Why the action is needed' }
    },
    required: ['tool', 'args', 'reason']
  }
}

const toolsByWorkflow = new WeakMap<Workflow, PayloadTool[]>()

export function buildPayload(task: GoldenTask, workflow: Workflow, toolsUrl?: string): AgentPayload {
  const payload: AgentPayload = {
    task_id: task.id,
    workflow: workflow.name,
    input: task.input,
    tools: payloadTools(workflow),
    phase: phaseOf(workflow)
  }
  if (toolsUrl !== undefined) payload.tools_url = toolsUrl
  return payload
}

/** The permission matrix plus `request_approval`, with JSON schemas where the workflow has them. */
export function payloadTools(workflow: Workflow): PayloadTool[] {
  let tools = toolsByWorkflow.get(workflow)
  if (!tools) {
    const schemas = new Map((workflow.tool_schemas ?? []).map((schema) => [schema.name, schema]))
    const listed = Object.entries(workflow.permissions).filter(([name]) => name !== REQUEST_APPROVAL)
    tools = listed.map(([name, permission]) => {
      const tool: PayloadTool = { name, scope: permission.scope, risk: permission.risk, approval: permission.approval }
      if (permission.limits) tool.limits = permission.limits
      const schema = schemas.get(name)
      if (schema?.description !== undefined) tool.description = schema.description
      if (schema?.parameters !== undefined) tool.parameters = schema.parameters
      return tool
    })
    tools.push(REQUEST_APPROVAL_TOOL)
    toolsByWorkflow.set(workflow, tools)
  }
  return tools
}

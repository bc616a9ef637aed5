// What every task of an openai agent shares: read once per run, not per task.
import { readFile } from 'node:fs/promises'
import type { ChatCompletionFunctionTool } from 'openai/resources/chat/completions'
import type { Workflow } from '../model/workflow.js'
import { REQUEST_APPROVAL } from '../sandbox/index.js'
import type { OpenaiAgent } from './openai-settings.js'
import { DEFAULT_TOOL_TIMEOUT_MS } from './openai-tool-calls.js'
import { payloadTools } from './payload.js'

export interface OpenaiAgentSetup {
  model: string
  temperature?: number
  /** The prompt file, then the policy file after a blank line. */
  system: string
  /** The manifest's tool schemas plus the built-in request_approval. */
  tools: ChatCompletionFunctionTool[]
  /** Characters of the system prompt and the tool schemas, the fixed part of every request. */
  fixedChars: number
  /** How long the loop waits for one tool's answer (`tool_timeout_s`). */
  toolTimeoutMs: number
}

export async function loadOpenaiSetup(workflow: Workflow, agent: OpenaiAgent): Promise<OpenaiAgentSetup> {
  const prompt = await readPromptFile(agent.prompt, 'prompt')
  const policy = agent.policy === undefined ? undefined : await readPromptFile(agent.policy, 'policy')
  const system = policy === undefined ? prompt : `${prompt.trimEnd()}\n\n${policy}`
  const tools = openaiTools(workflow)
  const setup: OpenaiAgentSetup = {
    model: agent.model,
    system,
    tools,
    fixedChars: system.length + JSON.stringify(tools).length,
    toolTimeoutMs: agent.tool_timeout_s === undefined ? DEFAULT_TOOL_TIMEOUT_MS : agent.tool_timeout_s * 1000
  }
  if (agent.temperature !== undefined) setup.temperature = agent.temperature
  return setup
}

async function readPromptFile(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8')
  } catch (err) {
    throw new Error(
      `could not read the agent's ${what} file ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`
    )
  }
}

function openaiTools(workflow: Workflow): ChatCompletionFunctionTool[] {
  const schemas = workflow.tool_schemas ?? []
  const tools: ChatCompletionFunctionTool[] = schemas.map((schema) =>
    functionTool(schema.name, schema.description, schema.parameters)
  )
  if (!schemas.some((schema) => schema.name === REQUEST_APPROVAL)) {
    const approval = payloadTools(workflow).find((tool) => tool.name === REQUEST_APPROVAL)!
    tools.push(functionTool(approval.name, approval.description, approval.parameters))
  }
  return tools
}

function functionTool(name: string, description: string | undefined, parameters: unknown): ChatCompletionFunctionTool {
  const definition: ChatCompletionFunctionTool['function'] = { name }
  if (description !== undefined) definition.description = description
  if (parameters !== undefined) definition.parameters = parameters as Record<string, unknown>
  return { type: 'function', function: definition }
}

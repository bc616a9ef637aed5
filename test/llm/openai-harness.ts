// Runs openai-agent attempts against the fake server, through a real ToolSandbox.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runAgent } from '../../src/agents/index.js'
import { createLlmRuntime, type LlmOptions, type LlmRuntime } from '../../src/llm/index.js'
import type { AgentConfig } from '../../src/agents/registry.js'
import type { LoadedTask } from '../../src/load/task-schema.js'
import type { AgentRun, Budgets, ToolSchema, Workflow } from '../../src/model/types.js'
import { afterAll, beforeAll, beforeEach } from '@jest/globals'
import { ToolSandbox } from '../../src/sandbox/index.js'
import { FakeOpenAI } from '../helpers/fake-openai.js'
import { makeTask, makeWorkflow } from '../helpers/model.js'

export const PROMPT = 'You are the refund agent.\n'
export const POLICY = 'Refunds over 100 USD need approval.\n'
export const API_KEY = 'sk-test-evalgate-0123456789abcdef'

export const ORDER = { order_id: 'A-1', status: 'delivered', total: 25 }

export const TOOL_SCHEMAS: ToolSchema[] = [
  {
    name: 'lookup_order',
    description: 'Look up an order',
    parameters: { type: 'object', properties: { order_id: { type: 'string' } }, required: ['order_id'] }
  },
  { name: 'send_email', description: 'Email the customer', parameters: { type: 'object', properties: {} } },
  {
    name: 'issue_refund',
    description: 'Refund money',
    parameters: { type: 'object', properties: { order_id: { type: 'string' }, amount: { type: 'number' } } }
  }
]

export const BUDGETS: Budgets = {
  max_model_calls_per_task: 10,
  max_tool_calls_per_task: 200,
  max_retries: 2,
  task_timeout_s: 20,
  max_error_rate: 0.1
}

/** A folder holding prompt.md and policy.md. */
export function promptFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'evalgate-openai-'))
  writeFileSync(join(dir, 'prompt.md'), PROMPT)
  writeFileSync(join(dir, 'policy.md'), POLICY)
  writeFileSync(join(dir, 'tools.json'), JSON.stringify(TOOL_SCHEMAS))
  return dir
}

export function openaiWorkflow(
  baseUrl: string,
  agent: Partial<Extract<AgentConfig, { type: 'openai' }>> = {},
  overrides: Partial<Workflow> = {}
): Workflow {
  const dir = promptFolder()
  const config: AgentConfig = {
    type: 'openai',
    model: 'gpt-4o-mini',
    prompt: join(dir, 'prompt.md'),
    policy: join(dir, 'policy.md'),
    tools: join(dir, 'tools.json'),
    base_url: baseUrl,
    ...agent
  }
  return makeWorkflow({
    dir,
    agent: config,
    tool_schemas: TOOL_SCHEMAS,
    judge: { model: 'gpt-4o-mini', base_url: baseUrl },
    ...overrides
  })
}

export function orderTask(overrides: Partial<LoadedTask> = {}): LoadedTask {
  return makeTask({ fixtures: { lookup_order: { kind: 'value', value: ORDER } }, ...overrides })
}

export function runtimeFor(workflow: Workflow, opts: Partial<LlmOptions> = {}): LlmRuntime {
  return createLlmRuntime(workflow, { budgets: BUDGETS, pricing: {}, apiKey: API_KEY, ...opts })
}

/** One attempt of `task`, as the runner makes it. */
export async function attempt(
  sandbox: ToolSandbox,
  workflow: Workflow,
  llm: LlmRuntime | undefined,
  task: LoadedTask = orderTask(),
  timeoutMs = 20_000
): Promise<AgentRun> {
  const session = sandbox.open(task, workflow)
  try {
    return await runAgent({ task, workflow, session, timeoutMs, llm })
  } finally {
    session.close()
  }
}

/** A tool sandbox and a fake OpenAI server for a test file: started once, reset before each test. */
export function withSandboxAndFake(): { sandbox: ToolSandbox; fake: FakeOpenAI } {
  const env = {} as { sandbox: ToolSandbox; fake: FakeOpenAI }
  beforeAll(async () => {
    env.sandbox = await ToolSandbox.start()
    env.fake = await FakeOpenAI.start()
  })
  afterAll(async () => {
    await env.fake.stop()
    await env.sandbox.stop()
  })
  beforeEach(() => env.fake.reset())
  return env
}

// How an openai agent runs an attempt: evalgate's own tool-calling loop, on the workflow's model client.
import type { LlmRuntime, Ready } from '../llm/index.js'
import type { ModelClient } from '../llm/model-client.js'
import type { Workflow } from '../model/workflow.js'
import { scrubSecrets } from '../util/secrets.js'
import type { AgentContext } from './context.js'
import { runOpenaiAgent } from './openai-agent.js'
import type { OpenaiAgent } from './openai-settings.js'
import { loadOpenaiSetup, type OpenaiAgentSetup } from './openai-setup.js'
import { infraError, type AgentOutcome } from './outcome.js'

/** What every attempt of a workflow's agent shares: its client, and its prompt files read once. */
interface Prepared {
  client: Ready<ModelClient>
  setup?: Promise<Ready<OpenaiAgentSetup>>
}

// One per model runtime, and so one per workflow and run.
const prepared = new WeakMap<LlmRuntime, Prepared>()

export async function runWithRuntime(ctx: AgentContext, agent: OpenaiAgent): Promise<AgentOutcome> {
  const llm = ctx.llm
  if (!llm) return infraError('the openai agent was started without a model runtime', 'config')
  try {
    const shared = prepare(llm, ctx.workflow, agent)
    if (!shared.client.ok) return configError(shared.client.error)
    shared.setup ??= loadOpenaiSetup(ctx.workflow, agent).then(
      (value) => ({ ok: true as const, value }),
      (err: Error) => ({ ok: false as const, error: err.message })
    )
    const setup = await shared.setup
    if (!setup.ok) return configError(setup.error)
    return await runOpenaiAgent(ctx, {
      client: shared.client.value,
      setup: setup.value,
      budgets: llm.budgets,
      redact: llm.redact
    })
  } catch (err) {
    return {
      infra_error: scrubSecrets(`evalgate could not run the openai agent: ${describe(err)}`),
      error_kind: 'internal'
    }
  }
}

function prepare(llm: LlmRuntime, workflow: Workflow, agent: OpenaiAgent): Prepared {
  let shared = prepared.get(llm)
  if (!shared) {
    shared = { client: llm.client(agent, `the openai agent of ${workflow.name}`, 'agent') }
    prepared.set(llm, shared)
  }
  return shared
}

function configError(message: string): AgentOutcome {
  return { infra_error: scrubSecrets(message), error_kind: 'config' }
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}

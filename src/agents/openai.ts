// The openai agent: evalgate itself runs the tool-calling loop against an OpenAI-compatible
// endpoint, with the manifest's prompt, policy and tool schemas.
import { endpointAsOnBase } from '../llm/endpoint-as-on-base.js'
import type { LlmRuntime, Ready } from '../llm/index.js'
import type { ModelClient } from '../llm/model-client.js'
import type { Workflow } from '../model/workflow.js'
import { scrubSecrets } from '../util/secrets.js'
import type { AgentType } from './agent-type.js'
import type { AgentContext } from './context.js'
import { runOpenaiAgent } from './openai-agent.js'
import { openaiSchema, type OpenaiAgent } from './openai-settings.js'
import { loadOpenaiSetup, type OpenaiAgentSetup } from './openai-setup.js'
import { infraError, type AgentOutcome } from './outcome.js'

export const openaiAgent: AgentType<typeof openaiSchema, OpenaiAgent> = {
  name: 'openai',
  runsTeamCode: false,
  schema: openaiSchema,
  killSwitch: {
    notApplicable:
      "kill_switch does not apply to an openai agent: evalgate runs its tool-calling loop itself, so there is no switch of the team's to test"
  },
  files: [
    { field: 'prompt', kind: 'text', defines: 'prompt' },
    { field: 'policy', kind: 'text', defines: 'policy' },
    { field: 'tools', kind: 'tool_schemas', defines: 'tools' }
  ],
  judge: (agent) => ({
    model: agent.judge_model ?? agent.model,
    base_url: agent.base_url,
    headers: agent.headers,
    api_key_env: agent.api_key_env
  }),
  model: (agent) => ({ name: agent.model, endpoint: agent }),
  credentials: (agent) => [agent],
  asOnBase: (mine, theirs, notes) => ({ ...mine, ...endpointAsOnBase(mine, theirs, 'agent', notes) }),
  run: runWithRuntime
}

/** What every attempt of a workflow's agent shares: its client, and its prompt files read once. */
interface Prepared {
  client: Ready<ModelClient>
  setup?: Promise<Ready<OpenaiAgentSetup>>
}

// One per model runtime, and so one per workflow and run.
const prepared = new WeakMap<LlmRuntime, Prepared>()

async function runWithRuntime(ctx: AgentContext, agent: OpenaiAgent): Promise<AgentOutcome> {
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

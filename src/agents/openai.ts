// The openai agent: evalgate itself runs the tool-calling loop against an OpenAI-compatible
// endpoint, with the manifest's prompt, policy and tool schemas.
import { endpointAsOnBase } from '../llm/endpoint-as-on-base.js'
import type { AgentType } from './agent-type.js'
import { loadedOnFirstRun } from './loaded-on-first-run.js'
import { openaiSchema, type OpenaiAgent } from './openai-settings.js'

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
  run: loadedOnFirstRun(async () => (await import('./openai-run.js')).runWithRuntime)
}

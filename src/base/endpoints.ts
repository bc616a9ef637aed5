// Where a pull request's run may send a secret. Endpoints that receive a key (an openai agent's
// or judge's base_url, headers, api_key_env; an http agent's url with secret headers) come from
// the base's manifest of that workflow. An endpoint only the PR names runs without the secret;
// a command agent's env passes only the variables the base's same entry passes. Each agent
// type says how (its asOnBase).
import { agentTypeOf } from '../agents/registry.js'
import { endpointAsOnBase, EndpointNotes, type EndpointNote } from '../llm/endpoint-as-on-base.js'
import type { AgentSettings, JudgeConfig, Workflow } from '../model/workflow.js'

export interface EndpointsAsOnBase {
  agent: AgentSettings
  judge?: JudgeConfig
  notes: EndpointNote[]
}

/** `base` is the base's form of the workflow (undefined for a workflow new in the PR). */
export function endpointsAsOnBase(pr: Workflow, base: Workflow | undefined): EndpointsAsOnBase {
  const notes = new EndpointNotes()
  const theirs = base?.agent.type === pr.agent.type ? base.agent : undefined
  const agent = agentTypeOf(pr.agent).asOnBase(pr.agent, theirs, notes)
  const judge = pr.judge && { ...pr.judge, ...endpointAsOnBase(pr.judge, base?.judge, 'judge', notes) }
  return { agent, ...(judge ? { judge } : {}), notes: notes.items }
}

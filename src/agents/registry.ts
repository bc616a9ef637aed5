// Every agent type evalgate runs. Adding one: its module in this folder and one line in AGENT_TYPES.
import * as z from 'zod'
import type { AgentSettings } from '../model/workflow.js'
import type { AgentType, AnyAgentType } from './agent-type.js'
import { commandAgent } from './command.js'
import { httpAgent } from './http.js'
import { openaiAgent } from './openai.js'

export const AGENT_TYPES = [commandAgent, httpAgent, openaiAgent] as const

type Registered = (typeof AGENT_TYPES)[number]
type SchemaOf<T> = T extends AgentType<infer S, infer _C> ? S : never
type ConfigOf<T> = T extends AgentType<infer _S, infer C> ? C : never

/** The settings of a loaded agent, of any registered type. */
export type AgentConfig = ConfigOf<Registered>

/** workflow.yml's `agent:` block. */
export const agentSchema = z.discriminatedUnion(
  'type',
  AGENT_TYPES.map((type) => type.schema) as [SchemaOf<Registered>, ...SchemaOf<Registered>[]]
)

const BY_NAME = new Map<string, AnyAgentType>(AGENT_TYPES.map((type) => [type.name, type]))

/** The type of a loaded agent; loading only gives agents of a registered type. */
export function agentTypeOf(agent: AgentSettings): AnyAgentType {
  const type = BY_NAME.get(agent.type)
  if (!type) throw new Error(`no agent type "${agent.type}" is registered`)
  return type
}

/** Every setting of any agent type that names a file, in registration order. */
export const AGENT_FILE_FIELDS: readonly string[] = [
  ...new Set(AGENT_TYPES.flatMap((type) => (type.files ?? []).map((file) => file.field)))
]

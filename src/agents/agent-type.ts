// One kind of agent (workflow.yml `agent: { type: ... }`): everything evalgate knows of it, in one
// module of this folder, listed in registry.ts.
import * as z from 'zod'
import type { EndpointNotes } from '../llm/endpoint-as-on-base.js'
import { strictMap } from '../model/schema-common.js'
import type { VersionedKind } from '../model/versions.js'
import type { AgentSettings, EndpointConfig, JudgeConfig } from '../model/workflow.js'
import type { AgentContext } from './context.js'
import type { AgentOutcome } from './outcome.js'

/** The `agent:` block of one type, `type` included (see agentSchema). */
export type AgentSchema = z.ZodType<AgentSettings> & z.core.$ZodTypeDiscriminable

/** `strictMap({ type: name, ...fields })`: the `agent:` block of the agent type `name`. */
export function agentSchema<Name extends string, Fields extends z.ZodRawShape>(name: Name, fields: Fields) {
  return strictMap({ type: z.literal(name), ...fields })
}

/** The settings of `Settings` whose value is a path. */
type PathField<Settings> = {
  [K in keyof Settings]-?: K extends 'type' ? never : Settings[K] extends string | undefined ? K : never
}[keyof Settings] &
  string

/** A setting naming a file relative to the workflow folder: made absolute at load, and checked to be in the repository. */
export interface AgentFile<Settings> {
  field: PathField<Settings>
  /** `text`: read at load as UTF-8 (it is sent as text); `tool_schemas`: the tool schema file, in place of workflow.yml `tool_schemas`. */
  kind: 'text' | 'tool_schemas'
  /** What the file is in report.json's `versions`. */
  defines: VersionedKind
}

/** A problem of valid settings, at `at` under `agent`. */
export interface AgentProblem {
  at: (string | number)[]
  message: string
}

/** A file or folder on disk that holds an agent's code. */
export interface CodePath {
  abs: string
  kind: 'file' | 'folder'
}

/** The agent's code as far as evalgate can see it: which PRs change the agent (src/action/agent-paths.ts). */
export interface AgentCode {
  /** Files and folders of its code; those outside the repository do not count. */
  paths: CodePath[]
  /** Why the code is out of sight when no path is in the repository (the gate then runs on every PR); `manifest` names the manifest. */
  unseen?: (manifest: string) => string
}

/**
 * An agent type. `C` is what its `run` gets: the settings as loaded (paths absolute), and on a pull
 * request what `asOnBase` adds.
 */
export interface AgentType<S extends AgentSchema = AgentSchema, C extends z.output<S> = z.output<S>> {
  /** workflow.yml `agent.type`: the literal its schema has. */
  name: z.output<S>['type']
  /** The `agent:` block: built with agentSchema. */
  schema: S
  /**
   * True when the agent is the team's own code (a process or a server in the job), which could
   * write anything the job can, e.g. a forged judge verdict into the response cache.
   */
  runsTeamCode: boolean
  /** The settings that name files, in the order they are checked. */
  files?: readonly AgentFile<z.output<S>>[]
  /** Problems of valid settings only the type knows of, e.g. a variable no agent may read. */
  check?(agent: C): AgentProblem[]
  /** The judge of `expected.judge` rubrics when workflow.yml sets no `judge`. */
  judge?(agent: C): JudgeConfig
  /** Set when the agent calls a model itself: which (report.json shows it), and the endpoint that needs an API key. */
  model?(agent: C): { name: string; endpoint: EndpointConfig }
  /** Endpoints whose credentials (API key variable, `${VAR}` headers) are secrets from before the first task. */
  credentials?(agent: C): EndpointConfig[]
  /** The agent a pull request's run uses: `base` is the base's agent when it has this type (src/base/endpoints.ts). */
  asOnBase(mine: C, base: C | undefined, notes: EndpointNotes): C
  /** Its code; absent: it has none beyond the files it names. */
  code?(agent: C, dir: string): Promise<AgentCode>
  /** How this type's agent is told to turn automation off (workflow.yml `kill_switch`): a variable, a header, or why none applies. */
  killSwitch: KillSwitchForm
  /** Runs one task attempt; never throws for anything the agent does. */
  run(ctx: AgentContext, agent: C): Promise<AgentOutcome>
}

/** The `kill_switch` field an agent type takes (`env` or `header`), or why the switch does not apply to it. */
export type KillSwitchForm = { field: 'env' | 'header' } | { notApplicable: string }

/** An agent type whatever its settings: the registry's answer for a loaded agent. */
export type AnyAgentType = AgentType<AgentSchema, AgentSettings>

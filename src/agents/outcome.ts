import type { AgentErrorKind } from '../model/cause.js'
import type { AgentRun, ModelCallRecord } from '../model/types.js'
import { preview } from '../util/preview.js'

export type { AgentErrorKind }

/** What one agent type produced; `runAgent` adds the tool calls and the timing. */
export type AgentOutcome = Omit<AgentRun, 'tool_calls' | 'model_calls' | 'duration_ms'> & {
  model_calls?: ModelCallRecord[]
}

export const RAW_OUTPUT_CHARS = 4 * 1024

export function infraError(message: string, kind: AgentErrorKind, extras: Partial<AgentOutcome> = {}): AgentOutcome {
  return { infra_error: message, error_kind: kind, ...extras }
}

export function agentError(message: string, kind: AgentErrorKind, extras: Partial<AgentOutcome> = {}): AgentOutcome {
  return { agent_error: message, error_kind: kind, ...extras }
}

/** `5000` -> `5s`, `250` -> `0.25s`. */
export function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))}s`
}

/** The start of what an agent printed, for the record of a failure (secrets scrubbed before the cut). */
export function rawOutput(output: Buffer | string): string {
  return preview(typeof output === 'string' ? output : output.toString('utf8'), RAW_OUTPUT_CHARS, { mark: '' })
}

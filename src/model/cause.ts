// The causes of a failed attempt that no expectation kind gives, with their labels in the
// failure table. The expectation kinds bring their own (src/grade/kinds); `Cause`, the whole
// vocabulary, is assembled in src/grade/causes.ts.

/** Why an agent's run failed (`AgentRun.error_kind`), as the agent runners and the llm runtime say. */
const AGENT_ERROR_LABELS = {
  budget_exhausted: 'budget exhausted',
  tool_budget_exhausted: 'tool-call budget exhausted',
  crash: 'agent crashed',
  bad_output: 'agent output not JSON',
  bad_answer: 'malformed agent answer',
  timeout: 'agent timed out',
  unreachable: 'agent unreachable',
  rate_limited: 'rate limited',
  bad_response: 'bad model response',
  context_length: 'context too long',
  config: 'configuration error',
  internal: 'evalgate internal error'
} as const

export type AgentErrorKind = keyof typeof AGENT_ERROR_LABELS

export const RUN_CAUSE_LABELS = {
  ...AGENT_ERROR_LABELS,
  /** The permission-matrix guardrail (src/grade/guardrails.ts). */
  guardrail_violation: 'guardrail violation',
  /** A failed or errored run that gave no `error_kind`. */
  agent_error: 'agent error',
  infra_error: 'infrastructure error',
  not_run: 'not run',
  /** A task that did not pass but carries no cause (reports of older versions). */
  unclassified: 'unclassified'
} as const

export type RunCause = keyof typeof RUN_CAUSE_LABELS

// Words shared by every user file and result.

export const TIERS = ['T1', 'T2', 'T3'] as const
export type Tier = (typeof TIERS)[number]
export const RISKS = ['low', 'medium', 'high'] as const
export type Risk = (typeof RISKS)[number]
export const MATCH_MODES = ['superset', 'subset', 'unordered', 'strict'] as const
export type MatchMode = (typeof MATCH_MODES)[number]
/** Rollout phases, from least to most autonomy (workflow.yml `rollout.phase`). */
export const PHASES = ['draft', 'propose', 'autonomous'] as const
export type Phase = (typeof PHASES)[number]
/** Whose authority the agent's tool calls carry (workflow.yml `identity.model`). */
export const IDENTITY_MODELS = ['delegated_service', 'user_impersonation'] as const

/** Where something came from, for `file:line` messages. `file` is as given (relative to cwd). */
export interface SourceRef {
  file: string
  line: number
}
/** What an agent falls back to when it cannot finish a task itself (an answer's `fallback`). */
export const FALLBACKS = ['draft_only', 'read_only', 'human'] as const
export type Fallback = (typeof FALLBACKS)[number]

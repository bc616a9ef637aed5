import { z } from 'zod'
import type { AgentAnswer } from '../model/types.js'
import { MAX_AGENT_DEPTH, nestedDeeperThan } from '../util/value-shape.js'

// Optional fields may also be null (what `None` serialises to in most agent frameworks);
// null counts as absent. Unknown keys are ignored.
const answerSchema = z.object({
  label: z.string().nullish(),
  result: z.unknown().optional(),
  escalated: z.boolean().nullish(),
  message: z.string().nullish(),
  plan: z.unknown().optional(),
  actions: z.array(z.object({ tool: z.string(), args: z.record(z.string(), z.unknown()).nullish() })).nullish()
})

export type ParsedAnswer = { ok: true; answer: AgentAnswer } | { ok: false; error: string }

/** Checks a parsed JSON value against the answer protocol. */
export function parseAnswer(value: unknown): ParsedAnswer {
  // Before anything walks it: grading, redaction and the trace all recurse once per level.
  if (nestedDeeperThan(value, MAX_AGENT_DEPTH))
    return { ok: false, error: `answer is nested more than ${MAX_AGENT_DEPTH} levels deep (the limit for answers)` }
  const parsed = answerSchema.safeParse(value)
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 3).map(describeIssue)
    return { ok: false, error: `answer does not follow the protocol: ${problems.join('; ')}` }
  }
  const { label, result, escalated, message, plan, actions } = parsed.data
  const answer: AgentAnswer = {}
  if (label != null) answer.label = label
  if (result != null) answer.result = result
  if (escalated != null) answer.escalated = escalated
  if (message != null) answer.message = message
  if (plan != null) answer.plan = plan
  if (actions != null) answer.actions = actions.map(({ tool, args }) => (args != null ? { tool, args } : { tool }))
  return { ok: true, answer }
}

const TYPE_NAMES: Record<string, string> = {
  boolean: 'a boolean',
  string: 'a string',
  object: 'a JSON object',
  record: 'a JSON object',
  array: 'a list'
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length === 0 ? 'the answer' : formatPath(issue.path)
  if (issue.code === 'invalid_type') return `${where} must be ${TYPE_NAMES[issue.expected] ?? issue.expected}`
  return `${where}: ${issue.message}`
}

function formatPath(path: PropertyKey[]): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? String(part) : `.${String(part)}`))
    .join('')
}

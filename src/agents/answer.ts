import * as z from 'zod'
import { agentAnswerSchema, type AgentAnswer } from '../model/attempt.js'
import { MAX_AGENT_DEPTH, nestedDeeperThan } from '../util/value-shape.js'

// The protocol is model/attempt.ts's answer schema, except that an optional field may also be
// null (what `None` serialises to in most agent frameworks): null counts as absent. Unknown keys
// are ignored.
const answerSchema = z.preprocess(nullsAsAbsent, agentAnswerSchema)

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
  return { ok: true, answer: parsed.data }
}

/** The answer's own fields (only those: a key like `__proto__` is never copied), null ones left out; an action's null `args` too. */
function nullsAsAbsent(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value
  const fields = value as Record<string, unknown>
  const kept: Record<string, unknown> = {}
  for (const key of Object.keys(agentAnswerSchema.shape)) {
    if (!Object.hasOwn(fields, key) || fields[key] === null) continue
    kept[key] = key === 'actions' && Array.isArray(fields[key]) ? fields[key].map(withoutNullArgs) : fields[key]
  }
  return kept
}

function withoutNullArgs(action: unknown): unknown {
  if (typeof action !== 'object' || action === null || !('args' in action) || action.args !== null) return action
  const { args: _, ...rest } = action
  return rest
}

const TYPE_NAMES: Record<string, string> = {
  boolean: 'a boolean',
  number: 'a number',
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

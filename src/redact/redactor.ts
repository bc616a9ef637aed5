// Applies a workflow's data_governance.redact rules to text and to JSON values, before anything
// reaches a model or an artifact (traces, report, summary, PR comment, HTML report). The values
// under the keys of workflow.yml `redact_ignore` (ids such as item_id), at any depth, are left
// as they are; secrets are scrubbed elsewhere (src/util/secrets.ts), ignored or not.
import type { RedactRule, Workflow } from '../model/types.js'
import { matcherFor } from './matchers.js'

export interface Redactor {
  /** False when the workflow has no rules: callers may skip the walk. */
  readonly active: boolean
  text(value: string): string
  /** A copy of `value` with every string (not object keys, nor what is under an ignored key) redacted. */
  value<T>(value: T): T
}

const NONE: Redactor = { active: false, text: (v) => v, value: (v) => v }

/** The redactor of a workflow: its rules, and the keys it ignores. */
export function workflowRedactor(workflow: Pick<Workflow, 'data_governance' | 'redact_ignore'>): Redactor {
  return createRedactor(workflow.data_governance?.redact, workflow.redact_ignore)
}

export function createRedactor(rules: readonly RedactRule[] | undefined, ignore: readonly string[] = []): Redactor {
  if (!rules || rules.length === 0) return NONE
  const ignored = new Set(ignore)
  const compiled = rules.map((rule) => ({ matcher: matcherFor(rule), mark: `[REDACTED:${rule.name}]` }))
  const text = (input: string): string => {
    let out = input
    for (const { matcher, mark } of compiled) out = matcher.replace(out, mark)
    return out
  }
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return text(value)
    if (Array.isArray(value)) return value.map(walk)
    if (value !== null && typeof value === 'object') {
      const copy: Record<string, unknown> = {}
      for (const [key, inner] of Object.entries(value)) copy[key] = ignored.has(key) ? inner : walk(inner)
      return copy
    }
    return value
  }
  return { active: true, text, value: <T>(value: T) => walk(value) as T }
}

/** Where in a JSON value something matches a rule: `[path, rule name]` pairs, for validate's warnings. */
export function findMatches(
  value: unknown,
  rules: readonly RedactRule[],
  path: (string | number)[] = [],
  ignore: readonly string[] = []
): Match[] {
  return matchFinder(rules, ignore)(value, path)
}

export interface Match {
  path: (string | number)[]
  rule: string
}

/** findMatches with the rules compiled once, for the many values of one workflow's tasks. */
export function matchFinder(
  rules: readonly RedactRule[],
  ignore: readonly string[] = []
): (value: unknown, path?: (string | number)[]) => Match[] {
  const matchers = rules.map((rule) => ({ name: rule.name, matcher: matcherFor(rule) }))
  const ignored = new Set(ignore)
  // One walk for every call, with index loops: validate runs it once over each of its tasks'
  // strings, cold, where closures made per call and iterators cost more than the matching.
  // One path, grown and shrunk along the walk: copied only where something matches.
  const walk = (inner: unknown, at: (string | number)[], found: Match[]): void => {
    if (typeof inner === 'string') {
      for (let m = 0; m < matchers.length; m++)
        if (matchers[m].matcher.test(inner)) found.push({ path: [...at], rule: matchers[m].name })
    } else if (Array.isArray(inner)) {
      for (let i = 0; i < inner.length; i++) {
        at.push(i)
        walk(inner[i], at, found)
        at.pop()
      }
    } else if (inner !== null && typeof inner === 'object') {
      const keys = Object.keys(inner)
      for (let k = 0; k < keys.length; k++) {
        if (ignored.has(keys[k])) continue
        at.push(keys[k])
        walk((inner as Record<string, unknown>)[keys[k]], at, found)
        at.pop()
      }
    }
  }
  return (value, path = []) => {
    const found: Match[] = []
    walk(value, [...path], found)
    return found
  }
}

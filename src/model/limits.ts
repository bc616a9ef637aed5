// Limits on a tool's arguments (workflow.yml `permissions.<tool>.limits`): the bounds within which
// the agent may call it on its own. A direct call outside them is a violation that names the limit;
// a proposal outside them is not (a human decides).
import * as z from 'zod'
import { preview } from '../util/preview.js'
import { compiledRegex, regexProblem } from '../util/regex.js'
import { strictMap, text } from './schema-common.js'

const VALUE_CHARS = 80

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()])

export const limitSchema = strictMap({
  max: z.number().optional(),
  min: z.number().optional(),
  one_of: z.array(scalar).min(1).optional(),
  /** A regular expression the (string) value must match somewhere; anchor it with ^ and $ for all of it. */
  pattern: text.optional()
}).superRefine((limit, ctx) => {
  if (Object.values(limit).every((bound) => bound === undefined))
    ctx.addIssue({ code: 'custom', message: `a limit needs at least one of ${LIMIT_KINDS.join(', ')}`, input: limit })
  if (limit.min !== undefined && limit.max !== undefined && limit.min > limit.max)
    ctx.addIssue({
      code: 'custom',
      path: ['min'],
      message: `min ${limit.min} is more than max ${limit.max}: no value is within the limit`,
      input: limit.min
    })
  if (limit.pattern !== undefined) {
    const problem = regexProblem(limit.pattern)
    if (problem)
      ctx.addIssue({ code: 'custom', path: ['pattern'], message: `"pattern" ${problem}`, input: limit.pattern })
  }
})
export type Limit = z.output<typeof limitSchema>
export type LimitKind = keyof Limit

/** Each kind: whether a value keeps within its bound, and how a value that does not is described. */
interface LimitKindRule<K extends LimitKind> {
  /** The JSON-schema types of an argument the kind can apply to. */
  types: readonly string[]
  broken(bound: NonNullable<Limit[K]>, value: unknown): string | undefined
}

const notNumber = (kind: string, bound: number, value: unknown) =>
  typeof value === 'number' ? undefined : `is not a number (${kind} ${bound})`

const KINDS: { [K in LimitKind]-?: LimitKindRule<K> } = {
  max: {
    types: ['number', 'integer'],
    broken: (max, value) => notNumber('max', max, value) ?? ((value as number) > max ? `> max ${max}` : undefined)
  },
  min: {
    types: ['number', 'integer'],
    broken: (min, value) => notNumber('min', min, value) ?? ((value as number) < min ? `< min ${min}` : undefined)
  },
  one_of: {
    types: ['string', 'number', 'integer', 'boolean', 'null'],
    broken: (allowed, value) =>
      allowed.some((v) => v === value) ? undefined : `is not one of ${allowed.map(show).join(', ')}`
  },
  pattern: {
    types: ['string'],
    broken: (pattern, value) => {
      if (typeof value !== 'string') return `is not a string (pattern /${pattern}/)`
      return compiledRegex(pattern).test(value) ? undefined : `does not match /${pattern}/`
    }
  }
}

export const LIMIT_KINDS = Object.keys(KINDS) as LimitKind[]

/**
 * Each limit the arguments of a call to `tool` break, in words (`issue_refund.amount 250 > max
 * 200`). An argument the call leaves out is not checked: a limit bounds a value that is given.
 */
export function brokenLimits(tool: string, limits: Record<string, Limit> | undefined, args: unknown): string[] {
  if (!limits || typeof args !== 'object' || args === null || Array.isArray(args)) return []
  const given = args as Record<string, unknown>
  return Object.entries(limits).flatMap(([arg, limit]) => {
    if (!Object.hasOwn(given, arg)) return []
    const value = given[arg]
    return LIMIT_KINDS.flatMap((kind) => {
      const bound = limit[kind]
      if (bound === undefined) return []
      const broken = (KINDS[kind] as LimitKindRule<LimitKind>).broken(bound, value)
      return broken ? [`${tool}.${arg} ${show(value)} ${broken}`] : []
    })
  })
}

/** The limit kinds of `limit` that cannot apply to an argument of JSON-schema `type`. */
export function kindsNotFor(limit: Limit, type: string): LimitKind[] {
  return LIMIT_KINDS.filter((kind) => limit[kind] !== undefined && !KINDS[kind].types.includes(type))
}

/** A limit in words: `max 200`, `one_of "USD", "EUR"`. */
export function describeLimit(limit: Limit): string {
  return LIMIT_KINDS.flatMap((kind) => {
    const bound = limit[kind]
    if (bound === undefined) return []
    if (kind === 'pattern') return [`pattern /${String(bound)}/`]
    return [`${kind} ${Array.isArray(bound) ? bound.map(show).join(', ') : String(bound)}`]
  }).join(', ')
}

function show(value: unknown): string {
  return preview(JSON.stringify(value) ?? String(value), VALUE_CHARS)
}

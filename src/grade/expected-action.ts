// An expected action of the `actions` expectation, and the checks of a whole list of them that
// need the list: `after` must name another action of it and make no cycle, `unordered` must name
// list arguments of `args`. A broken one is a problem at load, at the line of its key.
import * as z from 'zod'
import { anyMap, isPlainMap, nonNegativeInt, strictMap, text } from '../model/schema-common.js'

export const ARGS_MATCHES = ['subset', 'exact'] as const
export type ArgsMatch = (typeof ARGS_MATCHES)[number]

export const argsMatchSchema = z
  .enum(ARGS_MATCHES)
  .describe("`subset` (default): the expected args are a deep subset of the call's; `exact`: deep-equal.")

export const expectedActionSchema = strictMap({
  tool: text,
  args: anyMap.optional(),
  optional: z.boolean().optional().describe('The action may be left out; made, it is not unexpected.'),
  unordered: z
    .array(text)
    .optional()
    .describe('Arguments of `args` whose lists compare as multisets (any order, same counts).'),
  args_match: argsMatchSchema.optional().describe("This action's own `args_match` (else `expected.args_match`)."),
  after: z
    .union([nonNegativeInt, z.array(nonNegativeInt)])
    .optional()
    .describe('Index (0-based) of the action, or a list of them, whose call must come before this one.')
})
export type ExpectedAction = z.output<typeof expectedActionSchema>

/** The indices an action's `after` names. */
export function afterOf(action: Pick<ExpectedAction, 'after'>): number[] {
  return action.after === undefined ? [] : Array.isArray(action.after) ? action.after : [action.after]
}

/** `expected.actions`: the list, with the checks that need all of it. */
export const expectedActionsSchema = z.array(expectedActionSchema).superRefine((list, ctx) => {
  const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', path, message, input: list })
  list.forEach((action, i) => {
    const listed = Array.isArray(action.after)
    afterOf(action).forEach((target, k) => {
      const path = listed ? [i, 'after', k] : [i, 'after']
      if (target === i) issue(path, `actions[${i}] cannot come after itself ("after: ${target}")`)
      else if (target >= list.length)
        issue(
          path,
          `"after: ${target}" of actions[${i}] names no action (the list has actions 0 to ${list.length - 1})`
        )
    })
    for (const name of action.unordered ?? []) {
      if (!isPlainMap(action.args) || !Array.isArray(action.args[name]))
        issue([i, 'unordered'], `"unordered" of actions[${i}] names "${name}", which is not a list in its args`)
    }
  })
  const cycle = afterCycle(list)
  if (cycle) {
    const [first] = cycle
    const path = Array.isArray(list[first].after)
      ? [first, 'after', afterOf(list[first]).indexOf(cycle[1])]
      : [first, 'after']
    issue(path, `"after" makes a cycle: ${[...cycle, first].map((i) => `actions[${i}]`).join(' after ')}`)
  }
})

/**
 * A cycle of `after` (each action after the next, the last after the first), starting at its
 * smallest index; undefined when there is none. Out-of-range and self references are left out.
 */
export function afterCycle(list: Pick<ExpectedAction, 'after'>[]): number[] | undefined {
  const next = list.map((action, i) => afterOf(action).filter((j) => j !== i && j < list.length))
  const state = new Array<'new' | 'open' | 'done'>(list.length).fill('new')
  const stack: number[] = []
  const visit = (i: number): number[] | undefined => {
    state[i] = 'open'
    stack.push(i)
    for (const j of next[i]) {
      if (state[j] === 'open') return stack.slice(stack.indexOf(j))
      if (state[j] === 'new') {
        const found = visit(j)
        if (found) return found
      }
    }
    stack.pop()
    state[i] = 'done'
    return undefined
  }
  for (let i = 0; i < list.length; i++) {
    if (state[i] !== 'new') continue
    const found = visit(i)
    if (found) return rotatedToSmallest(found)
  }
  return undefined
}

function rotatedToSmallest(cycle: number[]): number[] {
  const start = cycle.indexOf(cycle.reduce((a, b) => (b < a ? b : a)))
  return [...cycle.slice(start), ...cycle.slice(0, start)]
}

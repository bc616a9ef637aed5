// Whether a call's arguments agree with an expected action's: a deep subset (the default) or
// deep-equal (`args_match: exact`), with the `unordered` list arguments compared as multisets.
import { isPlainMap } from '../model/schema-common.js'
import { deepSubset } from '../util/deep-subset.js'
import { maximumMatching } from './bipartite.js'
import type { ArgsMatch, ExpectedAction } from './expected-action.js'

/** An action without `args` accepts any arguments, whatever `args_match` says. */
export function argsAgree(action: ExpectedAction, args: unknown, argsMatch: ArgsMatch): boolean {
  const expected = action.args
  if (expected === undefined) return true
  if (!isPlainMap(args)) return false
  if (isExact(action, argsMatch) && Object.keys(args).some((key) => !Object.hasOwn(expected, key))) return false
  return Object.keys(expected).every((key) => argAgrees(action, key, args, argsMatch))
}

/** Whether the call's argument `key` agrees with the expected one (the action has `args`). */
export function argAgrees(
  action: ExpectedAction,
  key: string,
  args: Record<string, unknown>,
  argsMatch: ArgsMatch
): boolean {
  const expected = action.args?.[key]
  const actual = Object.hasOwn(args, key) ? args[key] : undefined
  const exact = isExact(action, argsMatch)
  if (Array.isArray(expected) && action.unordered?.includes(key)) return sameMultiset(expected, actual, exact)
  return deepSubset(expected, actual, exact)
}

export function isExact(action: ExpectedAction, argsMatch: ArgsMatch): boolean {
  return (action.args_match ?? argsMatch) === 'exact'
}

/** Same length, and each expected item paired with its own agreeing item (duplicates count). */
function sameMultiset(expected: unknown[], actual: unknown, exact: boolean): boolean {
  if (!Array.isArray(actual) || actual.length !== expected.length) return false
  const { leftToRight } = maximumMatching(expected.length, actual.length, (e, a) =>
    deepSubset(expected[e], actual[a], exact)
  )
  return leftToRight.every((a) => a !== -1)
}

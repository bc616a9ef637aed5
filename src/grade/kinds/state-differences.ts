// The first paths where a tools backend's final state departs from what was expected, as one reason.
import { subsetMismatches } from '../subset-mismatches.js'

const MAX_PATHS = 5

export const NO_STATE = 'no end state to compare (the workflow has no tools_backend, or it gave no state)'

/** Undefined when there is no difference; `exact`: deep-equal, else a deep subset. */
export function firstDifferences(expected: unknown, final: unknown, exact: boolean): string | undefined {
  const differences = subsetMismatches(expected, final, 'state', exact)
  if (differences.length === 0) return undefined
  const shown = differences.slice(0, MAX_PATHS)
  const more = differences.length - shown.length
  return shown.join('; ') + (more > 0 ? ` and ${more} more` : '')
}

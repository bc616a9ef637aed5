/**
 * True when `expected` is contained in `actual`: objects by key (extra keys in `actual`
 * are fine), arrays element by element with equal length, scalars strictly equal
 * (the number 25 does not match the string "25").
 */
export function deepSubset(expected: unknown, actual: unknown): boolean {
  if (expected === actual) return true
  if (typeof expected !== 'object' || expected === null) return false
  if (typeof actual !== 'object' || actual === null) return false

  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return false
    for (let i = 0; i < expected.length; i++) {
      if (!deepSubset(expected[i], actual[i])) return false
    }
    return true
  }
  if (Array.isArray(actual)) return false

  const actualRecord = actual as Record<string, unknown>
  for (const [key, value] of Object.entries(expected)) {
    // Own keys only: `{ constructor: ... }` must not match through the prototype.
    const actualValue = Object.hasOwn(actualRecord, key) ? actualRecord[key] : undefined
    if (!deepSubset(value, actualValue)) return false
  }
  return true
}

/**
 * True when `expected` is contained in `actual`: objects by key (extra keys in `actual`
 * are fine), arrays element by element with equal length, scalars strictly equal
 * (the number 25 does not match the string "25"). With `exact`, objects must also have
 * no keys beyond `expected`'s, at any depth: the two values are deep-equal.
 */
export function deepSubset(expected: unknown, actual: unknown, exact = false): boolean {
  if (expected === actual) return true
  if (typeof expected !== 'object' || expected === null) return false
  if (typeof actual !== 'object' || actual === null) return false

  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return false
    for (let i = 0; i < expected.length; i++) {
      if (!deepSubset(expected[i], actual[i], exact)) return false
    }
    return true
  }
  if (Array.isArray(actual)) return false

  const actualRecord = actual as Record<string, unknown>
  if (exact && Object.keys(actualRecord).some((key) => !Object.hasOwn(expected, key))) return false
  for (const [key, value] of Object.entries(expected)) {
    // Own keys only: `{ constructor: ... }` must not match through the prototype.
    const actualValue = Object.hasOwn(actualRecord, key) ? actualRecord[key] : undefined
    if (!deepSubset(value, actualValue, exact)) return false
  }
  return true
}

/** Deep equality of JSON values (no extra keys on either side). */
export function deepEqual(a: unknown, b: unknown): boolean {
  return deepSubset(a, b, true)
}

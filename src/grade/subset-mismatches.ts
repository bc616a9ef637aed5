// Where an actual value departs from the expected deep subset, as `path: what went wrong`.
// Same rules as deepSubset (src/util/deep-subset.ts), but it says where. `exact`: the values
// must be deep-equal, so keys the expected object lacks are differences too.

import { formatValue } from './format-call.js'

export function subsetMismatches(expected: unknown, actual: unknown, path: string, exact = false): string[] {
  if (expected === actual) return []
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [`${path}: expected an array but got ${formatValue(actual)}`]
    if (actual.length !== expected.length) {
      return [`${path}: expected ${count(expected.length, 'item')} but got ${actual.length}`]
    }
    return expected.flatMap((item, i) => subsetMismatches(item, actual[i], `${path}[${i}]`, exact))
  }
  if (isRecord(expected)) {
    if (!isRecord(actual)) return [`${path}: expected an object but got ${formatValue(actual)}`]
    const differences = Object.entries(expected).flatMap(([key, value]) => {
      const keyPath = `${path}${pathKey(key)}`
      if (!Object.hasOwn(actual, key)) return value === undefined ? [] : [`${keyPath}: missing`]
      return subsetMismatches(value, actual[key], keyPath, exact)
    })
    if (!exact) return differences
    const extra = Object.keys(actual).filter((key) => !Object.hasOwn(expected, key) && actual[key] !== undefined)
    return [
      ...differences,
      ...extra.map((key) => `${path}${pathKey(key)}: not expected, got ${formatValue(actual[key])}`)
    ]
  }
  return [`${path}: expected ${formatValue(expected)} but got ${formatValue(actual)}`]
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function pathKey(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}

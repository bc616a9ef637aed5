// Short lines saying how two JSON values differ, e.g. `expected.label: "a" -> "b"`: what a
// reviewer of a changed golden task needs to see at a glance.
import { canonicalJson } from '../llm/canonical-json.js'
import { isPlainMap } from '../model/schema-common.js'
import { preview } from '../util/preview.js'

const VALUE_CHARS = 80

export function diffLines(before: unknown, after: unknown, path: string): string[] {
  if (canonicalJson(before) === canonicalJson(after)) return []
  if (isPlainMap(before) && isPlainMap(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])]
    return keys.flatMap((key) => diffLines(before[key], after[key], `${path}.${key}`))
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    return before.flatMap((item, i) => diffLines(item, after[i], `${path}[${i}]`))
  }
  return [`${path}: ${show(before)} -> ${show(after)}`]
}

function show(value: unknown): string {
  if (value === undefined) return '(none)'
  const text = canonicalJson(value)
  return preview(text, VALUE_CHARS, { markInside: true })
}

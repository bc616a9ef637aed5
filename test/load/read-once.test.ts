// A workflow manifest and the thresholds file are parsed without zod's compiled fast path
// (READ_ONCE, src/model/schema-common.ts): the answer must be the one the fast path gives, data
// and issues alike, for the committed files and for variants of them with each part removed,
// replaced by a value of another type, or joined by an unknown or an `x-` key.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type * as z from 'zod'
import { parseDataText } from '../../src/load/read-data-file.js'
import { thresholdsSchema } from '../../src/load/thresholds-schema.js'
import { workflowSchema } from '../../src/load/workflow-schema.js'
import { READ_ONCE } from '../../src/model/schema-common.js'
import { repoRoot } from '../helpers/project.js'

const REPLACEMENTS: unknown[] = [undefined, null, 7, -1, 0.5, 'text', '', true, [], ['x'], {}, { 'x-note': 1, typo: 2 }]

async function valueOf(file: string): Promise<unknown> {
  const abs = join(repoRoot, file)
  const { values, problems } = await parseDataText(readFileSync(abs, 'utf8'), abs, file)
  expect(problems.filter((p) => p.severity === 'error')).toEqual([])
  return values[0].value
}

/** The value with the part at `path` set to `replacement` (removed when undefined). */
function withPart(value: unknown, path: string[], replacement: unknown): unknown {
  const copy = structuredClone(value) as Record<string, unknown>
  let parent = copy
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string, unknown>
  const last = path[path.length - 1]
  if (replacement === undefined) delete parent[last]
  else parent[last] = structuredClone(replacement)
  return copy
}

/** Every path to a map entry of `value`. */
function mapPaths(value: unknown, path: string[] = []): string[][] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return []
  return Object.entries(value).flatMap(([key, inner]) => [[...path, key], ...mapPaths(inner, [...path, key])])
}

function variants(value: unknown): unknown[] {
  const all: unknown[] = [value, withPart(value, ['typo'], 1), withPart(value, ['x-note'], 'kept out')]
  for (const path of mapPaths(value)) {
    for (const replacement of REPLACEMENTS) all.push(withPart(value, path, replacement))
    all.push(withPart(value, [...path.slice(0, -1), 'unknown_key'], 1))
  }
  return all
}

function answer(schema: z.ZodType, value: unknown, ctx?: typeof READ_ONCE) {
  const parsed = schema.safeParse(value, ctx)
  return parsed.success ? { data: parsed.data } : { issues: parsed.error.issues }
}

describe('READ_ONCE', () => {
  it.each([
    ['golden-tasks/refund_request_v2/workflow.yml', workflowSchema],
    ['examples/openai-agent/workflow.yml', workflowSchema],
    ['thresholds.yml', thresholdsSchema]
  ])('parses %s and its variants as the fast path does', async (file, schema) => {
    const all = variants(await valueOf(file))
    let failing = 0
    for (const value of all) {
      const fast = answer(schema, value)
      const once = answer(schema, value, READ_ONCE)
      expect(once).toEqual(fast)
      // Keys in the same order too (report.json and the reports write them as they come).
      expect(JSON.stringify(once)).toBe(JSON.stringify(fast))
      if (fast.issues) failing++
    }
    expect(failing).toBeGreaterThan(all.length / 4)
    expect(failing).toBeLessThan(all.length)
  })
})

// Fuzz test of the loaders (issue 10): random and mutated YAML, JSON and JSONL golden tasks,
// manifests and thresholds files never crash the loader nor leave a rejection unhandled; each
// gives either a model or problems that name the file and a line in it, in bounded time.
// Seeded with a fixed number of runs: a failure names its seed and the shrunk input, and repeats.
// FUZZ_SEED and FUZZ_RUNS explore further (e.g. FUZZ_RUNS=5000 npm test -- fuzz-loaders).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { stringify } from 'yaml'
import { loadProject } from '../../src/load/index.js'
import type { Problem } from '../../src/util/problems.js'
import {
  lines,
  makeProject,
  MANIFEST,
  removeProjects,
  taskYaml,
  THRESHOLDS,
  WF,
  type TempProject
} from './project-files.js'

const SEED = Number(process.env.FUZZ_SEED ?? 20_240_610)
const RUNS = Number(process.env.FUZZ_RUNS ?? 150)
const MAX_MS_PER_INPUT = 3000

const unhandled: unknown[] = []
const onUnhandled = (reason: unknown) => unhandled.push(reason)
beforeAll(() => {
  process.on('unhandledRejection', onUnhandled)
})
afterAll(async () => {
  process.off('unhandledRejection', onUnhandled)
  await removeProjects()
})

const TASK_YAML = lines(...taskYaml('t-1'), '  actions: [{ tool: lookup_order, args: { order_id: o1 } }]')
const TASK = {
  id: 't-1',
  tier: 'T1',
  risk: 'high',
  input: { customer: { id: 'c1' }, order_id: 'o1' },
  fixtures: { lookup_order: [{ when: { order_id: 'o1' }, return: { status: 'delivered' } }] },
  expected: { label: 'refund_approved', result: { refund: true } }
}
const TASK_JSONL = lines(JSON.stringify(TASK), JSON.stringify({ ...TASK, id: 't-2', tier: 'T2' }))

/** Pieces that reach the corners: nesting, aliases, keys JavaScript treats specially, odd bytes. */
const NASTY = [
  '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[',
  '{"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":',
  '&a [*a, *a]',
  '*a',
  '__proto__: {}',
  '"__proto__": 1,',
  'constructor: { prototype: 1 }',
  'id: t-1',
  '"id": "t-1", "id": "t-2",',
  '\u0000',
  '\uFEFF',
  '\r\n',
  '\t',
  '? [a, b]\n: c',
  '!!binary aGVsbG8=',
  '--- ',
  '...',
  '%YAML 1.1',
  '<<: *a',
  '- ',
  ': ',
  '"\\ud800"',
  '1e400',
  '-0',
  '0x1F',
  '.nan',
  '"' + 'x'.repeat(2000) + '"',
  '['.repeat(1500) + ']'.repeat(1500),
  '{"a":'.repeat(1500) + '1' + '}'.repeat(1500),
  '{ a: '.repeat(70) + '1' + ' }'.repeat(70)
]

type Edit = { at: number; remove: number; insert: string }

const edit = fc.record({
  at: fc.nat(),
  remove: fc.nat({ max: 8 }),
  insert: fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 4 }))
})

function mutate(text: string, edits: Edit[]): string {
  let out = text
  for (const { at, remove, insert } of edits) {
    const i = at % (out.length + 1)
    out = out.slice(0, i) + insert + out.slice(i + remove)
  }
  return out
}

/** A valid text with a few random edits, or random text, or a random JSON value in the format. */
const fileText = (valid: string, format: 'yaml' | 'json' | 'jsonl') =>
  fc.oneof(
    { weight: 5, arbitrary: fc.array(edit, { minLength: 1, maxLength: 6 }).map((edits) => mutate(valid, edits)) },
    { weight: 1, arbitrary: fc.string({ maxLength: 300 }) },
    {
      weight: 2,
      arbitrary: fc.jsonValue({ maxDepth: 6 }).map((value) => {
        const shaped =
          typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...TASK, ...value } : value
        if (format === 'yaml') return stringify(shaped)
        return format === 'jsonl' ? `${JSON.stringify(shaped)}\n${JSON.stringify(value)}\n` : JSON.stringify(shaped)
      })
    }
  )

/** Loads the project with `relative` replaced by `text`; checks the outcome's shape. */
async function loadChecked(project: TempProject, relative: string, text: string) {
  await project.write(relative, text)
  const started = Date.now()
  const loaded = await loadProject({
    tasksDir: project.tasksDir,
    thresholdsFile: project.thresholdsFile,
    repoRoot: project.root
  })
  expect(Date.now() - started).toBeLessThan(MAX_MS_PER_INPUT)
  const lineCount = text.split(/\r\n|\r|\n|\u2028|\u2029/).length + 1
  for (const problem of [...loaded.problems, ...loaded.warnings]) expectLocated(problem, project, relative, lineCount)
  if (loaded.problems.length === 0) {
    expect(loaded.workflows.map((w) => w.name)).toEqual(['refund'])
    for (const task of loaded.tasks) {
      expect(typeof task.id).toBe('string')
      expect(['T1', 'T2', 'T3']).toContain(task.tier)
      expect(task.source.line).toBeGreaterThanOrEqual(1)
    }
  }
  return loaded
}

/** A problem names a file of the project and, when about the fuzzed file, a line inside it (or the whole file). */
function expectLocated(problem: Problem, project: TempProject, relative: string, lineCount: number): void {
  expect(typeof problem.message).toBe('string')
  expect(problem.message).not.toMatch(/internal error|call stack|undefined is not|Cannot read prop/i)
  if (problem.file !== project.shown(relative)) return
  if (problem.line === undefined) return // about the whole file: empty, unreadable
  expect(Number.isInteger(problem.line)).toBe(true)
  expect(problem.line).toBeGreaterThanOrEqual(1)
  expect(problem.line).toBeLessThanOrEqual(lineCount)
}

async function fuzz(relative: string, valid: string, format: 'yaml' | 'json' | 'jsonl'): Promise<void> {
  const project = await makeProject({
    'thresholds.yml': THRESHOLDS,
    [`${WF}/workflow.yml`]: MANIFEST,
    ...(relative.startsWith(`${WF}/task`) ? {} : { [`${WF}/tasks.yaml`]: TASK_YAML })
  })
  // The valid text loads with no problem: the mutations are what the loader has to survive.
  expect((await loadChecked(project, relative, valid)).problems).toEqual([])
  await fc.assert(
    fc.asyncProperty(fileText(valid, format), async (text) => {
      await loadChecked(project, relative, text)
    }),
    { seed: SEED, numRuns: RUNS }
  )
  expect(unhandled).toEqual([])
}

describe('the loaders under random and mutated input', () => {
  it('golden tasks in YAML', () => fuzz(`${WF}/tasks.yaml`, TASK_YAML, 'yaml'))
  it('golden tasks in JSON', () => fuzz(`${WF}/task.json`, JSON.stringify(TASK, null, 2) + '\n', 'json'))
  it('golden tasks in JSONL', () => fuzz(`${WF}/tasks.jsonl`, TASK_JSONL, 'jsonl'))
  it('the workflow manifest', () => fuzz(`${WF}/workflow.yml`, MANIFEST, 'yaml'))
  it('the thresholds file', () => fuzz('thresholds.yml', THRESHOLDS, 'yaml'))
})

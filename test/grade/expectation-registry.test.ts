// The fail-open path, closed: every key a task file may set under `expected` belongs to a
// registered expectation kind, and each kind fails the attempts it must fail, through the
// loader's own schema and the grader everyone uses. Table-driven over the registry, so a kind
// added without a working check fails here.
import { describe, expect, it } from '@jest/globals'
import * as z from 'zod'
import { CAUSE_LABELS } from '../../src/grade/causes.js'
import { gradeAttempt } from '../../src/grade/grade-attempt.js'
import { REGISTERED_KINDS, type RegisteredKind } from '../../src/grade/kinds/index.js'
import type { FailingCase } from '../../src/grade/kinds/kind.js'
import { taskSchema, type LoadedTask } from '../../src/load/task-schema.js'
import { RUN_CAUSE_LABELS } from '../../src/model/cause.js'
import type { GradedAttempt, ToolPermission } from '../../src/model/types.js'
import { makeRun, makeWorkflow } from './builders.js'

/** The keys the task schema accepts under `expected`, read from the schema itself. */
function expectedKeys(schema: z.ZodObject): string[] {
  const expected = schema.shape.expected
  if (!(expected instanceof z.ZodObject)) throw new Error('the task schema has no object under "expected"')
  return Object.keys(expected.shape)
}

/** Keys of the schema under `expected` that no registered kind owns (none may be). */
function unownedKeys(schema: z.ZodObject, kinds: readonly RegisteredKind[]): string[] {
  return expectedKeys(schema).filter((key) => !kinds.some((kind) => Object.hasOwn(kind.shape, key)))
}

function ownerOf(key: string): RegisteredKind {
  return REGISTERED_KINDS.find((kind) => Object.hasOwn(kind.shape, key))!
}

/** The task as the loader makes it: the file through taskSchema. */
function loadTask(expected: Record<string, unknown>): LoadedTask {
  const parsed = taskSchema.safeParse({ id: 'probe', tier: 'T1', risk: 'high', input: {}, expected })
  if (!parsed.success) throw new Error(`the case is not a valid task: ${parsed.error.message}`)
  return { ...parsed.data, workflow: 'refund_request_v2', source: { file: 'tasks.yml', line: 1 } }
}

/** Every tool the case's agent uses is in the permission matrix, so that only the kind can fail it. */
function permissionsFor(failing: FailingCase<z.ZodRawShape>): Record<string, ToolPermission> {
  const used = [...(failing.run.tool_calls ?? []), ...(failing.run.answer?.actions ?? [])].map((call) => call.tool)
  return Object.fromEntries(used.map((tool) => [tool, { scope: 'write', risk: 'high', approval: 'none' }]))
}

function grade(task: LoadedTask, failing: FailingCase<z.ZodRawShape>): GradedAttempt {
  const run = makeRun(failing.run.tool_calls ?? [], failing.run.answer ?? {})
  if (failing.run.state) run.state = failing.run.state
  return gradeAttempt(task, makeWorkflow(permissionsFor(failing)), run, failing.judge, failing.grader)
}

const CASES = REGISTERED_KINDS.flatMap((kind) =>
  kind.failing.map((failing, i) => ({ name: `${kind.key} #${i + 1}`, kind, failing }))
)

describe('the expectation registry', () => {
  it('owns every key the task schema accepts under expected', () => {
    const keys = expectedKeys(taskSchema)
    expect(keys.length).toBeGreaterThanOrEqual(REGISTERED_KINDS.length)
    expect(unownedKeys(taskSchema, REGISTERED_KINDS)).toEqual([])
  })

  it('would name a key the schema accepts that no kind grades', () => {
    const expected = z.object({ ...taskSchema.shape.expected.shape, unchecked: z.string().optional() })
    const widened = z.object({ ...taskSchema.shape, expected })
    expect(unownedKeys(widened, REGISTERED_KINDS)).toEqual(['unchecked'])
  })

  it('sets every key of the schema in some failing case of its kind', () => {
    for (const key of expectedKeys(taskSchema)) {
      expect({ key, set: ownerOf(key).failing.some((failing) => Object.hasOwn(failing.expected, key)) }).toEqual({
        key,
        set: true
      })
    }
  })

  it('gives each kind a key of its own, and each cause one kind and a label', () => {
    const keys = REGISTERED_KINDS.map((kind) => kind.key)
    expect(new Set(keys).size).toBe(keys.length)
    for (const kind of REGISTERED_KINDS) expect(Object.hasOwn(kind.shape, kind.key)).toBe(true)
    const causes = REGISTERED_KINDS.flatMap((kind) => Object.keys(kind.causes))
    expect(new Set(causes).size).toBe(causes.length)
    for (const cause of causes) expect(Object.hasOwn(RUN_CAUSE_LABELS, cause)).toBe(false)
    for (const kind of REGISTERED_KINDS)
      for (const [cause, label] of Object.entries(kind.causes))
        expect(CAUSE_LABELS[cause as keyof typeof CAUSE_LABELS]).toBe(label)
  })

  describe.each(CASES)('$name', ({ kind, failing }) => {
    it("fails the attempt with the kind's reason and cause", () => {
      const graded = grade(loadTask(failing.expected), failing)
      const result = graded.expectations.find((e) => e.expectation === kind.key)
      expect(graded.status).not.toBe('pass')
      expect(result).toMatchObject({ ok: false })
      expect(graded.reasons).toContain(result!.reason)
      expect(graded.causes.some((cause) => Object.hasOwn(kind.causes, cause))).toBe(true)
      expect(graded.guardrails.every((check) => check.ok)).toBe(true)
    })

    it('passes once the kind is dropped from the loaded task (what a fail-open loader would do)', () => {
      const task = loadTask(failing.expected)
      const dropped = Object.fromEntries(
        Object.entries(task.expected).filter(([key]) => !Object.hasOwn(kind.shape, key))
      )
      expect(grade({ ...task, expected: dropped as LoadedTask['expected'] }, failing).status).toBe('pass')
    })

    it('grades differently without each option it sets', () => {
      const options = Object.keys(failing.expected).filter((key) => key !== kind.key)
      const verdict = (expected: Record<string, unknown>) =>
        grade(loadTask(expected), failing).expectations.find((e) => e.expectation === kind.key)
      for (const option of options) {
        const without = Object.fromEntries(Object.entries(failing.expected).filter(([key]) => key !== option))
        expect(verdict(without)).not.toEqual(verdict(failing.expected))
      }
    })
  })
})

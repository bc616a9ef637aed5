// Which answer a task's fixture gives one call: its value, or the first `when` case the call
// matches, counting per case the matching calls of the attempt so that `on_call: N` takes
// only the Nth. A task's fixtures are its own, else the workflow's shared ones.
import type { Fault } from '../model/fault.js'
import type { Fixture, FixtureCase, GoldenTask, Workflow } from '../model/types.js'
import { deepSubset } from '../util/deep-subset.js'

/** The task's own fixture of the tool, else the workflow's shared one (workflow.yml `fixtures`). */
export function fixtureFor(task: GoldenTask, workflow: Workflow, tool: string): Fixture | undefined {
  if (Object.hasOwn(task.fixtures, tool)) return task.fixtures[tool]
  const shared = workflow.fixtures
  return shared && Object.hasOwn(shared, tool) ? shared[tool] : undefined
}

export type Served = { found: false } | { found: true; result: unknown; fault?: Fault; delayMs: number }

/** One attempt's fixtures: a new one per tool session, as `on_call` counts within an attempt. */
export class FixtureServer {
  private readonly matchingCalls = new Map<FixtureCase, number>()

  serve(fixture: Fixture, args: unknown): Served {
    if (fixture.kind === 'value') return { found: true, result: fixture.value, delayMs: 0 }
    let taken: FixtureCase | undefined
    // Every case the call matches counts it, taken or not: `on_call` is the Nth call matching that case's `when`.
    for (const fixtureCase of fixture.cases) {
      if (!deepSubset(fixtureCase.when, args)) continue
      const count = (this.matchingCalls.get(fixtureCase) ?? 0) + 1
      this.matchingCalls.set(fixtureCase, count)
      if (!taken && (fixtureCase.on_call === undefined || fixtureCase.on_call === count)) taken = fixtureCase
    }
    if (!taken) return { found: false }
    const delayMs = taken.delay_ms ?? 0
    return taken.fault === undefined
      ? { found: true, result: taken.return, delayMs }
      : { found: true, result: null, fault: taken.fault, delayMs }
  }
}

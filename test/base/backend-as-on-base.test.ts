// tools_backend and state_file on a pull request: the base's apply, and a change is a note.
import { describe, expect, it } from '@jest/globals'
import { workflowAsOnBase } from '../../src/base/workflow-as-on-base.js'
import type { Workflow } from '../../src/model/types.js'
import { workflow } from './builders.js'

const backed = (extra: Partial<Workflow>): Workflow => ({ ...workflow('orders'), ...extra })
const BASE_BACKEND = { command: ['node', 'backend.mjs'] }

describe('workflowAsOnBase: tools backend and initial state', () => {
  it("a PR that changes, adds or removes them runs with the base's, and says so", () => {
    const base = backed({ tools_backend: BASE_BACKEND, state_file: 'state.json', initial_state: { orders: { W1: 1 } } })
    const changed = workflowAsOnBase(
      backed({ tools_backend: { url: 'http://127.0.0.1:1' }, state_file: 'other.json', initial_state: { orders: {} } }),
      base
    )
    expect(changed.workflow).toMatchObject({
      tools_backend: BASE_BACKEND,
      state_file: 'state.json',
      initial_state: { orders: { W1: 1 } }
    })
    expect(changed.notes).toEqual([
      "tools_backend changed in this PR: the base's applies until it merges",
      "state_file (the initial state) changed in this PR: the base's applies until it merges"
    ])

    const added = workflowAsOnBase(backed({ tools_backend: BASE_BACKEND, initial_state: {} }), backed({}))
    expect(added.workflow.tools_backend).toBeUndefined()
    expect(added.workflow.initial_state).toBeUndefined()
    expect(added.notes).toEqual([
      "tools_backend added in this PR: the base's applies until it merges",
      "state_file (the initial state) added in this PR: the base's applies until it merges"
    ])

    const removed = workflowAsOnBase(backed({}), base)
    expect(removed.workflow.tools_backend).toEqual(BASE_BACKEND)
    expect(removed.notes[0]).toBe("tools_backend removed in this PR: the base's applies until it merges")
  })

  it('the same backend is no note; a workflow new in the PR keeps its own', () => {
    const same = backed({ tools_backend: BASE_BACKEND, initial_state: { a: [1] } })
    expect(workflowAsOnBase(same, { ...same, initial_state: { a: [1] } }).notes).toEqual([])
    expect(workflowAsOnBase(same, undefined).workflow.tools_backend).toEqual(BASE_BACKEND)
  })
})

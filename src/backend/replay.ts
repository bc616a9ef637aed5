// `expected.state_equals_replay`: the state a fresh backend ends in when the task's expected
// actions (those not `optional`) are called on it in list order, from the task's initial state.
// A refused call is fine (the state after it counts); a failing backend is not.
import type { ToolsBackendConfig } from '../model/tools-backend.js'
import { ToolsBackend } from './tools-backend.js'

export interface ReplayedAction {
  tool: string
  args?: unknown
  optional?: boolean
}

export async function replayState(
  config: ToolsBackendConfig,
  dir: string,
  initialState: unknown,
  actions: readonly ReplayedAction[]
): Promise<{ state: unknown } | { failure: string }> {
  const backend = await ToolsBackend.start(config, dir, initialState)
  try {
    for (const action of actions) {
      if (action.optional === true) continue
      const answer = await backend.call(action.tool, action.args ?? {})
      if ('failure' in answer) return answer
    }
    return await backend.state()
  } finally {
    backend.end()
  }
}

// An attempt of a workflow with a tools backend: a fresh backend reset to the task's initial
// state before the agent runs, its final state read once the agent is done, and (for
// `state_equals_replay`) the replay state, computed once per task. A backend that fails makes
// the attempt an infrastructure error.
import { replayState, ToolsBackend } from '../backend/index.js'
import type { LoadedTask } from '../load/task-schema.js'
import type { AgentRun, Workflow } from '../model/types.js'

type Replayed = { state: unknown } | { failure: string }

/** The replay state of each task, shared by its attempts. */
export type ReplayCache = Map<LoadedTask, Promise<Replayed>>

/** The attempt's backend, started and reset; undefined when the workflow has none. */
export function startAttemptBackend(task: LoadedTask, workflow: Workflow): Promise<ToolsBackend> | undefined {
  if (!workflow.tools_backend) return undefined
  return ToolsBackend.start(
    workflow.tools_backend,
    workflow.backend_dir ?? workflow.dir,
    initialStateOf(task, workflow)
  )
}

/** An attempt whose backend failed before the agent could start. */
export function backendFailedRun(failure: string): AgentRun {
  return { infra_error: backendError(failure), tool_calls: [], model_calls: [], duration_ms: 0 }
}

/** The run with the backend's final state (and replay state), or as an infrastructure error when the backend failed. */
export async function withBackendState(
  run: AgentRun,
  backend: ToolsBackend,
  task: LoadedTask,
  workflow: Workflow,
  replays: ReplayCache
): Promise<AgentRun> {
  // An attempt the agent already failed is not graded on state (unless the backend failed it).
  if ((run.infra_error !== undefined || run.agent_error !== undefined) && !backend.failure) return run
  const final = backend.failure ? { failure: backend.failure } : await backend.state()
  backend.end()
  if ('failure' in final) return failedRun(run, backendError(final.failure))
  if (task.expected.state_equals_replay !== true) return { ...run, state: { final: final.state } }
  let replay = replays.get(task)
  if (!replay) replays.set(task, (replay = replayOf(task, workflow)))
  const replayed = await replay
  if ('failure' in replayed) return failedRun(run, backendError(`replaying the expected actions: ${replayed.failure}`))
  return { ...run, state: { final: final.state, replay: replayed.state } }
}

function replayOf(task: LoadedTask, workflow: Workflow): Promise<Replayed> {
  return replayState(
    workflow.tools_backend!,
    workflow.backend_dir ?? workflow.dir,
    initialStateOf(task, workflow),
    task.expected.actions ?? []
  )
}

/** The task's own `initial_state`, else the workflow's `state_file`; neither: null (the backend's own data). */
function initialStateOf(task: LoadedTask, workflow: Workflow): unknown {
  return task.initial_state !== undefined ? task.initial_state : (workflow.initial_state ?? null)
}

function backendError(failure: string): string {
  return `tools backend: ${failure}`
}

/** The backend's failure is the attempt's error, whatever the agent made of the calls it failed. */
function failedRun(run: AgentRun, infraError: string): AgentRun {
  const { agent_error: _agentError, error_kind: _kind, ...rest } = run
  return { ...rest, infra_error: infraError }
}

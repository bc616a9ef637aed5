// An attempt of a workflow with a tools backend: a fresh backend reset to the task's initial
// state before the agent runs, its final state read once the agent is done, and (for
// `state_equals_replay`) the replay state. A backend that fails makes the attempt an
// infrastructure error.
import { createHash } from 'node:crypto'
import { replayState, ToolsBackend } from '../backend/index.js'
import { canonicalJson } from '../llm/canonical-json.js'
import type { LoadedTask } from '../load/task-schema.js'
import type { AgentRun, Workflow } from '../model/types.js'

type Replayed = { state: unknown } | { failure: string }

/**
 * The digest of each task's replay state, shared by its attempts. A state can be megabytes
 * (tau-bench's retail data), so only its digest is kept for the run; an attempt whose final
 * state differs replays again to show where.
 */
export type ReplayCache = Map<LoadedTask, Promise<{ digest: string } | { failure: string }>>

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
  let digest = replays.get(task)
  if (!digest) replays.set(task, (digest = replayOf(task, workflow).then(digestOf)))
  const known = await digest
  if ('failure' in known) return replayFailed(run, known.failure)
  if (known.digest === stateDigest(final.state)) return { ...run, state: { final: final.state, replay: final.state } }
  const replayed = await replayOf(task, workflow)
  if ('failure' in replayed) return replayFailed(run, replayed.failure)
  return { ...run, state: { final: final.state, replay: replayed.state } }
}

function digestOf(replayed: Replayed): { digest: string } | { failure: string } {
  return 'failure' in replayed ? replayed : { digest: stateDigest(replayed.state) }
}

/** Equal digests: deep-equal JSON states (canonical JSON sorts keys). */
function stateDigest(state: unknown): string {
  return createHash('sha256').update(canonicalJson(state)).digest('hex')
}

function replayFailed(run: AgentRun, failure: string): AgentRun {
  return failedRun(run, backendError(`replaying the expected actions: ${failure}`))
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

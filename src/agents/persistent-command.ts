// A task attempt of a persistent command agent: one line to one of the run's workers, one line back.
import { parseAnswer } from './answer.js'
import type { CommandAgent } from './command-settings.js'
import { exitFailure, MAX_STDOUT_BYTES, STDERR_TAIL_CHARS } from './command-process.js'
import type { WorkerFault, WorkerReply } from './command-worker.js'
import type { AgentContext, RunScope } from './context.js'
import { PIPE_CLOSE_GRACE_MS } from './group-process.js'
import { agentError, formatSeconds, infraError, rawOutput, type AgentOutcome } from './outcome.js'
import { buildPayload } from './payload.js'
import { WorkerPools } from './worker-pools.js'

const WORKERS = Symbol('persistent command workers')

/** The limits per-task agents have: a line, as a whole output, up to 10 MB. */
const newWorkers = () =>
  new WorkerPools({
    maxLineBytes: MAX_STDOUT_BYTES,
    stderrTailChars: STDERR_TAIL_CHARS,
    pipeGraceMs: PIPE_CLOSE_GRACE_MS
  })

/** Runs one task attempt on a worker of the run: the payload, with `tools_url`, as one line of JSON. */
export async function runPersistent(ctx: AgentContext, agent: CommandAgent, scope: RunScope): Promise<AgentOutcome> {
  const pools = scope.resource(WORKERS, newWorkers)
  const pool = pools.poolFor(agent, ctx.workflow.dir, ctx.killSwitch)
  const line = JSON.stringify(buildPayload(ctx.task, ctx.workflow, ctx.session.url))
  const reply = await pool.serve(ctx.task.id, line, ctx.timeoutMs)
  if (!reply) return infraError('could not start agent: the command is empty', 'config')
  return outcomeOf(reply, ctx, typeof agent.command === 'string')
}

function outcomeOf(reply: WorkerReply, ctx: AgentContext, viaShell: boolean): AgentOutcome {
  const extras: Partial<AgentOutcome> = reply.stderr ? { stderr: reply.stderr } : {}
  if ('answer' in reply) {
    const parsed = parseAnswer(reply.answer)
    if (!parsed.ok)
      return agentError(parsed.error, 'bad_answer', { ...extras, raw_output: rawOutput(JSON.stringify(reply.answer)) })
    return { ...extras, answer: parsed.answer }
  }
  const failed = { ...extras, ...(reply.output ? { raw_output: rawOutput(reply.output) } : {}) }
  return faultOutcome(reply.fault, { ctx, viaShell, stderr: reply.stderr, failed })
}

interface FaultScene {
  ctx: AgentContext
  viaShell: boolean
  stderr: string
  failed: Partial<AgentOutcome>
}

type FaultOutcomes = {
  [K in WorkerFault['kind']]: (fault: Extract<WorkerFault, { kind: K }>, scene: FaultScene) => AgentOutcome
}

// The outcome per-task agents get for the same fault, and for what only a worker can do, a failed answer.
const FAULT_OUTCOMES: FaultOutcomes = {
  timeout: (_, { ctx, failed }) =>
    infraError(`agent timed out after ${formatSeconds(ctx.timeoutMs)}`, 'timeout', failed),
  too_large: (_, { failed }) => agentError('agent output is over 10 MB', 'bad_output', failed),
  not_json: (fault, { failed }) => agentError(fault.error, 'bad_output', failed),
  no_task_id: (_, { failed }) =>
    agentError(
      'the answer line carries no task_id (a persistent agent names the task it answers)',
      'bad_answer',
      failed
    ),
  other_task: (fault, { ctx, failed }) =>
    agentError(
      `the agent answered for task "${fault.answered}" while task "${ctx.task.id}" was out`,
      'bad_answer',
      failed
    ),
  twice: (_, { ctx, failed }) => agentError(`the agent answered task "${ctx.task.id}" twice`, 'bad_answer', failed),
  stdout_closed: (_, { ctx, failed }) =>
    agentError(`the agent closed its stdout before answering task "${ctx.task.id}"`, 'crash', failed),
  not_started: (fault, { failed }) => infraError(`could not start agent: ${fault.error}`, 'unreachable', failed),
  exit: (fault, { ctx, viaShell, stderr, failed }) =>
    exitFailure(fault.code, fault.signal, stderr, viaShell, failed) ??
    agentError(`agent exited with code 0 before answering task "${ctx.task.id}"`, 'crash', failed)
}

function faultOutcome(fault: WorkerFault, scene: FaultScene): AgentOutcome {
  return (FAULT_OUTCOMES[fault.kind] as (fault: WorkerFault, scene: FaultScene) => AgentOutcome)(fault, scene)
}

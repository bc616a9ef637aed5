import type { CommandAgent } from './command-settings.js'
import { agentEnvironmentCached } from './agent-env.js'
import { parseAnswer } from './answer.js'
import type { AgentContext } from './context.js'
import { failureLine } from '../util/failure-line.js'
import { runInGroup, type GroupProcessEnd } from './group-process.js'
import { shellCouldNotStart } from './process-group.js'
import { extractJsonAnswer } from './json-output.js'
import { agentError, formatSeconds, infraError, rawOutput, type AgentOutcome } from './outcome.js'
import { buildPayload } from './payload.js'

export const MAX_STDOUT_BYTES = 10 * 1024 * 1024
export const STDERR_TAIL_CHARS = 8 * 1024

/** Runs one task attempt as one process: payload on stdin, answer on stdout. */
export function runCommandAgent(ctx: AgentContext, agent: CommandAgent): Promise<AgentOutcome> {
  const viaShell = typeof agent.command === 'string'
  const [file, args] = viaShell ? ['/bin/sh', ['-c', agent.command as string]] : splitArgv(agent.command as string[])
  if (!file) return Promise.resolve(infraError('could not start agent: the command is empty', 'config'))

  const env = {
    ...agentEnvironmentCached(agent),
    EVALGATE_TOOLS_URL: ctx.session.url,
    EVALGATE_TASK_ID: ctx.task.id,
    ...(ctx.killSwitch?.env ? { [ctx.killSwitch.env]: ctx.killSwitch.value } : {})
  }
  const stdin = JSON.stringify(buildPayload(ctx.task, ctx.workflow))
  return runInGroup({
    file,
    args,
    cwd: ctx.workflow.dir,
    env,
    stdin,
    timeoutMs: ctx.timeoutMs,
    maxStdoutBytes: MAX_STDOUT_BYTES,
    stderrTailChars: STDERR_TAIL_CHARS
  }).then((end) => outcomeOf(end, ctx, viaShell))
}

function splitArgv(argv: string[]): [string | undefined, string[]] {
  return [argv[0], argv.slice(1)]
}

function outcomeOf(end: GroupProcessEnd, ctx: AgentContext, viaShell: boolean): AgentOutcome {
  if (!end.started) return infraError(`could not start agent: ${end.error}`, 'unreachable')
  const { code, signal, stdout, stderr } = end
  const extras: Partial<AgentOutcome> = stderr ? { stderr } : {}
  const failed = { ...extras, raw_output: rawOutput(stdout) }

  if (end.stopped === 'timeout') {
    return infraError(`agent timed out after ${formatSeconds(ctx.timeoutMs)}`, 'timeout', failed)
  }
  if (end.stopped === 'too_large') return agentError('agent output is over 10 MB', 'bad_output', failed)
  const exited = exitFailure(code, signal, stderr, viaShell, failed)
  if (exited) return exited

  const extracted = extractJsonAnswer(stdout.toString('utf8'))
  if (!extracted.ok) return agentError(extracted.error, 'bad_output', failed)
  const parsed = parseAnswer(extracted.value)
  if (!parsed.ok) return agentError(parsed.error, 'bad_answer', failed)
  return { ...extras, answer: parsed.answer }
}

/** The outcome of an agent killed by a signal or exiting non-zero; undefined for exit code 0. */
export function exitFailure(
  code: number | null,
  signal: NodeJS.Signals | null,
  stderr: string,
  viaShell: boolean,
  failed: Partial<AgentOutcome>
): AgentOutcome | undefined {
  if (signal) return agentError(`agent was killed by ${signal}`, 'crash', failed)
  if (code === 0) return undefined
  const said = failureLine(stderr)
  if (shellCouldNotStart(viaShell, code)) {
    return infraError(`could not start agent: ${said || `shell exited with code ${code}`}`, 'unreachable', failed)
  }
  return agentError(`agent exited with code ${code}${said ? `: ${said}` : ''}`, 'crash', failed)
}

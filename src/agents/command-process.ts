import type { ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import type { CommandAgent } from './command-settings.js'
import { preview, previewTail } from '../util/preview.js'
import { longestSecretLength } from '../util/secrets.js'
import { cachedAgentEnvironment } from './agent-env.js'
import { parseAnswer } from './answer.js'
import type { AgentContext } from './context.js'
import { extractJsonAnswer } from './json-output.js'
import { agentError, formatSeconds, infraError, rawOutput, type AgentOutcome } from './outcome.js'
import { buildPayload } from './payload.js'
import { killGroup, releaseGroup, spawnGroup, type GroupProcess } from './process-group.js'

const MAX_STDOUT_BYTES = 10 * 1024 * 1024
const STDERR_TAIL_CHARS = 8 * 1024
// After the agent exits its pipes close at once unless something escaped the process group
// and still holds them; do not wait on such a process forever.
const PIPE_CLOSE_GRACE_MS = 1000
// `/bin/sh -c` exits 127 when the command is not found, 126 when it is not executable.
const SHELL_COULD_NOT_START = new Set([126, 127])

/** Runs one task attempt as one process: payload on stdin, answer on stdout. */
export function runCommandAgent(ctx: AgentContext, agent: CommandAgent): Promise<AgentOutcome> {
  const env = {
    ...cachedAgentEnvironment(agent),
    EVALGATE_TOOLS_URL: ctx.session.url,
    EVALGATE_TASK_ID: ctx.task.id,
    ...(ctx.killSwitch?.env ? { [ctx.killSwitch.env]: ctx.killSwitch.value } : {})
  }
  const group = spawnGroup(agent.command, ctx.workflow.dir, env)
  if (!group) return Promise.resolve(infraError('could not start agent: the command is empty', 'config'))
  return new Promise((resolve) => {
    new AgentProcess(group, ctx, resolve).start(JSON.stringify(buildPayload(ctx.task, ctx.workflow)))
  })
}

/** Follows one spawned agent to its outcome. */
class AgentProcess {
  private readonly stdout: Buffer[] = []
  private stdoutBytes = 0
  private stderr: Buffer[] = []
  private stderrBytes = 0
  /** Whether the start of stderr was dropped (only its tail is kept). */
  private stderrCut = false
  private exit?: { code: number | null; signal: NodeJS.Signals | null }
  private stopReason?: 'timeout' | 'too_large'
  private timer?: NodeJS.Timeout
  private graceTimer?: NodeJS.Timeout
  private settled = false

  private readonly child: ChildProcess
  private readonly viaShell: boolean

  constructor(
    private readonly group: GroupProcess,
    private readonly ctx: AgentContext,
    private readonly resolve: (outcome: AgentOutcome) => void
  ) {
    this.child = group.child
    this.viaShell = group.viaShell
  }

  start(payload: string): void {
    const { child } = this
    child.on('error', (err) => this.onError(err))
    if (child.pid === undefined) return // spawn failed: 'error' follows

    this.timer = setTimeout(() => this.stop('timeout'), this.ctx.timeoutMs)
    child.stdout!.on('data', (chunk: Buffer) => this.onStdout(chunk))
    child.stderr!.on('data', (chunk: Buffer) => this.onStderr(chunk))
    child.on('exit', (code, signal) => this.onExit(code, signal))
    child.on('close', () => this.finish())
    // An agent may exit without reading its payload: that EPIPE is not an error of ours.
    child.stdin!.on('error', () => {})
    child.stdin!.end(payload)
  }

  private onError(err: NodeJS.ErrnoException): void {
    if (this.exit || this.settled) return // e.g. a failed kill after exit
    if (this.child.pid !== undefined) {
      this.killGroup()
      return
    }
    this.settle(infraError(`could not start agent: ${this.describeStartError(err)}`, 'unreachable'))
  }

  private describeStartError(err: NodeJS.ErrnoException): string {
    if (err.code === 'ENOENT' && !existsSync(this.ctx.workflow.dir)) {
      return `working directory ${this.ctx.workflow.dir} does not exist`
    }
    return err.message
  }

  private onStdout(chunk: Buffer): void {
    this.stdoutBytes += chunk.length
    if (this.stdoutBytes > MAX_STDOUT_BYTES) return this.stop('too_large')
    this.stdout.push(chunk)
  }

  private onStderr(chunk: Buffer): void {
    this.stderr.push(chunk)
    this.stderrBytes += chunk.length
    // Kept: the tail shown, and room before it for a whole secret (up to 4 bytes a character), so
    // that the scrub sees every secret that reaches into the part shown.
    const keep = STDERR_TAIL_CHARS * 4 + longestSecretLength() * 4
    if (this.stderrBytes > 2 * keep) {
      const tail = Buffer.concat(this.stderr).subarray(-keep)
      this.stderr = [tail]
      this.stderrBytes = tail.length
      this.stderrCut = true
    }
  }

  private stop(reason: 'timeout' | 'too_large'): void {
    if (this.exit || this.stopReason) return
    this.stopReason = reason
    this.killGroup()
  }

  private onExit(code: number | null, signal: NodeJS.Signals | null): void {
    this.exit = { code, signal }
    clearTimeout(this.timer)
    // Whatever the agent left running, in its group or not, goes with it (and releases its pipes).
    releaseGroup(this.group)
    this.graceTimer = setTimeout(() => {
      this.child.stdout!.destroy()
      this.child.stderr!.destroy()
      this.finish()
    }, PIPE_CLOSE_GRACE_MS).unref()
  }

  private killGroup(): void {
    killGroup(this.child.pid)
  }

  private finish(): void {
    if (this.settled || !this.exit) return
    this.settle(this.outcome(this.exit.code, this.exit.signal))
  }

  private settle(outcome: AgentOutcome): void {
    this.settled = true
    clearTimeout(this.timer)
    clearTimeout(this.graceTimer)
    this.resolve(outcome)
  }

  private outcome(code: number | null, signal: NodeJS.Signals | null): AgentOutcome {
    const stdout = Buffer.concat(this.stdout)
    const stderr = previewTail(Buffer.concat(this.stderr).toString('utf8'), STDERR_TAIL_CHARS, this.stderrCut)
    const extras: Partial<AgentOutcome> = stderr ? { stderr } : {}
    const failed = { ...extras, raw_output: rawOutput(stdout) }

    if (this.stopReason === 'timeout') {
      return infraError(`agent timed out after ${formatSeconds(this.ctx.timeoutMs)}`, 'timeout', failed)
    }
    if (this.stopReason === 'too_large') return agentError('agent output is over 10 MB', 'bad_output', failed)
    if (signal) return agentError(`agent was killed by ${signal}`, 'crash', failed)
    if (code !== 0) {
      const lastLine = lastNonEmptyLine(stderr)
      if (this.viaShell && SHELL_COULD_NOT_START.has(code!)) {
        return infraError(
          `could not start agent: ${lastLine || `shell exited with code ${code}`}`,
          'unreachable',
          failed
        )
      }
      return agentError(`agent exited with code ${code}${lastLine ? `: ${lastLine}` : ''}`, 'crash', failed)
    }

    const extracted = extractJsonAnswer(stdout.toString('utf8'))
    if (!extracted.ok) return agentError(extracted.error, 'bad_output', failed)
    const parsed = parseAnswer(extracted.value)
    if (!parsed.ok) return agentError(parsed.error, 'bad_answer', failed)
    return { ...extras, answer: parsed.answer }
  }
}

function lastNonEmptyLine(text: string): string {
  const lines = text.split('\n')
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i].trim()
    if (line) return preview(line, 300, { mark: '...' })
  }
  return ''
}

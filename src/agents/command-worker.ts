// One process of a persistent command agent: it serves one task at a time, a line of JSON on its
// stdin, and answers one line on its stdout. Anything off the protocol (a line that is not JSON, an
// answer for another task, a second answer, stdout closed, an exit) ends it: its process group is
// killed, and the task out at the time gets the fault.
import { LineSplitter } from '../util/line-splitter.js'
import { killGroup, releaseGroup, type GroupProcess } from './process-group.js'
import { startErrorMessage } from './group-process.js'
import { extractJsonAnswer } from './json-output.js'
import { StderrTail } from './stderr-tail.js'

/** Why a task got no answer from its worker. */
export type WorkerFault =
  | { kind: 'timeout' }
  | { kind: 'too_large' }
  | { kind: 'not_json'; error: string }
  | { kind: 'no_task_id' }
  | { kind: 'other_task'; answered: string }
  | { kind: 'twice' }
  | { kind: 'stdout_closed' }
  | { kind: 'exit'; code: number | null; signal: NodeJS.Signals | null }
  | { kind: 'not_started'; error: string }

export type WorkerReply = { stderr: string } & (
  | { answer: Record<string, unknown> }
  | { fault: WorkerFault; /** What it printed of this task's line. */ output: string }
)

export interface WorkerLimits {
  maxLineBytes: number
  stderrTailChars: number
  /** After the process exits, how long its pipes may stay open (held by something that escaped it). */
  pipeGraceMs: number
}

/** The task a worker is serving. */
interface Task {
  id: string
  timer: NodeJS.Timeout
  stderr: StderrTail
  resolve: (reply: WorkerReply) => void
  /** Its answer, handed over once the lines already read are seen (a second answer in them is a fault). */
  answer?: Record<string, unknown>
}

type StopReason = 'timeout' | 'too_large' | 'stdout_closed' | 'protocol' | 'ended'

export class CommandWorker {
  /** Tasks it has answered. */
  served = 0
  private task?: Task
  private readonly stdout: LineSplitter
  private stopReason?: StopReason
  private exit?: { code: number | null; signal: NodeJS.Signals | null }
  private closed = false
  private ending?: Promise<void>
  private readonly gone: Promise<void>
  private markGone!: () => void

  constructor(
    private readonly group: GroupProcess,
    private readonly cwd: string,
    private readonly limits: WorkerLimits
  ) {
    this.gone = new Promise((resolve) => (this.markGone = resolve))
    this.stdout = new LineSplitter(limits.maxLineBytes)
    const { child } = group
    child.on('error', (err) => this.onError(err))
    child.stdin!.on('error', () => {}) // EPIPE: it exited; 'exit' says how
    if (child.pid === undefined) return // spawn failed: 'error' follows
    child.stdout!.on('data', (chunk: Buffer) => this.onStdout(chunk))
    child.stdout!.on('end', () => this.onStdoutEnd())
    child.stderr!.on('data', (chunk: Buffer) => this.task?.stderr.add(chunk))
    child.on('exit', (code, signal) => this.onExit(code, signal))
    child.on('close', () => this.onClose())
  }

  /** False once it is ending or ended: it takes no more tasks. */
  get usable(): boolean {
    return this.stopReason === undefined && !this.exit && !this.closed && this.group.child.pid !== undefined
  }

  /** Whether evalgate killed it for a fault: what it prints after that is not read. */
  private get faulted(): boolean {
    return this.stopReason !== undefined && this.stopReason !== 'ended'
  }

  /** Sends one task; resolves with its answer or the fault that ended the worker. */
  serve(taskId: string, line: string, timeoutMs: number): Promise<WorkerReply> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.fail('timeout', { kind: 'timeout' }), timeoutMs)
      this.task = { id: taskId, timer, stderr: new StderrTail(this.limits.stderrTailChars), resolve }
      this.group.child.stdin!.write(`${line}\n`)
    })
  }

  /** Resolves once its process is gone and its pipes are closed (or it never started). */
  get whenGone(): Promise<void> {
    return this.gone
  }

  /** Closes its stdin (a well-behaved agent exits), and kills its group after `graceMs`; resolves once it is gone. */
  end(graceMs: number): Promise<void> {
    if (this.stopReason === undefined) this.stopReason = 'ended'
    if (!this.ending) {
      this.group.child.stdin!.end()
      const timer = setTimeout(() => this.kill(), graceMs)
      this.ending = this.gone.then(() => clearTimeout(timer))
    }
    return this.ending
  }

  /** Kills its process group now (a stop signal); resolves nothing. */
  kill(): void {
    if (this.stopReason === undefined) this.stopReason = 'ended'
    killGroup(this.group.child.pid)
  }

  private onStdout(chunk: Buffer): void {
    if (this.faulted) return
    const { lines, tooLong } = this.stdout.feed(chunk)
    for (const line of lines) {
      if (this.faulted) return
      if (line.trim() !== '') this.onLine(line)
    }
    if (tooLong && !this.faulted) this.fail('too_large', { kind: 'too_large' })
  }

  private onLine(text: string): void {
    const task = this.task
    if (!task) return this.fail('protocol') // a line nobody asked for: a second answer, or noise
    if (task.answer) return this.fail('protocol', { kind: 'twice' })
    const parsed = extractJsonAnswer(text)
    if (!parsed.ok) return this.fail('protocol', { kind: 'not_json', error: parsed.error }, text)
    const value = parsed.value
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return this.fail('protocol', { kind: 'not_json', error: 'the answer line is not a JSON object' }, text)
    const answer = value as Record<string, unknown>
    if (answer.task_id === undefined || answer.task_id === null)
      return this.fail('protocol', { kind: 'no_task_id' }, text)
    if (answer.task_id !== task.id)
      return this.fail('protocol', { kind: 'other_task', answered: String(answer.task_id) }, text)
    task.answer = answer
    // Lines already read come first: a second answer among them is the agent's fault, not the next task's.
    setImmediate(() => this.answered(task))
  }

  private answered(task: Task): void {
    if (this.task !== task || !task.answer) return
    this.served++
    this.settle({ answer: task.answer, stderr: task.stderr.text() })
  }

  private onStdoutEnd(): void {
    // It closed stdout while running (an exit closes it too: 'exit' tells them apart).
    if (!this.exit) this.fail('stdout_closed')
  }

  private onExit(code: number | null, signal: NodeJS.Signals | null): void {
    this.exit = { code, signal }
    // Whatever it left running goes with it (and releases its pipes).
    releaseGroup(this.group)
    setTimeout(() => {
      this.group.child.stdout!.destroy()
      this.group.child.stderr!.destroy()
      this.onClose()
    }, this.limits.pipeGraceMs).unref()
  }

  private onClose(): void {
    if (this.closed || !this.exit) return
    this.closed = true
    const task = this.task
    if (task?.answer) this.answered(task)
    else if (task) this.settle(this.faultReply(task, this.exitFault(this.exit)))
    this.markGone()
  }

  /** How its exit reads: evalgate's own kill says why it killed; otherwise the code or signal. */
  private exitFault(exit: { code: number | null; signal: NodeJS.Signals | null }): WorkerFault {
    if (this.stopReason === 'stdout_closed' && exit.signal === 'SIGKILL') return { kind: 'stdout_closed' }
    return { kind: 'exit', ...exit }
  }

  private onError(err: NodeJS.ErrnoException): void {
    if (this.group.child.pid !== undefined) return this.kill() // e.g. a failed write: 'exit' follows
    this.closed = true
    this.markGone()
    if (this.task)
      this.settle(this.faultReply(this.task, { kind: 'not_started', error: startErrorMessage(err, this.cwd) }))
  }

  /**
   * Ends the worker for `reason`; the task out, if any, gets `fault` now (without one, it waits for
   * the exit, which says what happened).
   */
  private fail(reason: StopReason, fault?: WorkerFault, output?: string): void {
    if (this.stopReason === undefined || this.stopReason === 'ended') this.stopReason = reason
    killGroup(this.group.child.pid)
    const task = this.task
    if (task && fault) this.settle(this.faultReply(task, fault, output))
  }

  private faultReply(task: Task, fault: WorkerFault, output?: string): WorkerReply {
    const printed = output ?? this.stdout.end()
    return { fault, output: printed, stderr: task.stderr.text() }
  }

  private settle(reply: WorkerReply): void {
    const task = this.task
    if (!task) return
    this.task = undefined
    clearTimeout(task.timer)
    task.resolve(reply)
  }
}

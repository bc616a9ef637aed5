import type { Fault, GoldenTask, ToolCallRecord, Workflow } from '../model/types.js'
import type { BackendAnswer, ToolsBackendCalls } from '../model/tools-backend.js'
import { MAX_AGENT_DEPTH, nestedDeeperThan } from '../util/value-shape.js'
import { REQUEST_APPROVAL } from '../model/approval-tool.js'
import { callRefusal, proposalRefusal } from '../model/rollout.js'
import { preview } from '../util/preview.js'
import { wallClock } from '../util/wall-clock.js'
import { argsCheckPending, argsMismatch } from './args-check.js'
import { FixtureServer, fixtureFor, type Served } from './fixture-cases.js'

export interface ToolResponse {
  status: number
  body: unknown
  /** The task's fixture failed this call on purpose (`fault: { status, message }`). */
  fault?: Fault
}

export interface ToolSession {
  /** `${sandbox.url}/s/<token>`: agents POST `${url}/<tool>` with the JSON arguments. */
  readonly url: string
  readonly calls: ToolCallRecord[]
  /** The tool-call budget of the attempt (budgets.max_tool_calls_per_task). */
  readonly maxCalls: number
  /** Calls past the budget: answered 429 and not recorded, only counted. */
  readonly refusedCalls: number
  /** The in-process path: same rules and recording as a POST. */
  call(tool: string, args: unknown): Promise<ToolResponse>
  /** Later calls get 410 and are not recorded; calls still waiting (a delay, `fault: timeout`) get 410 now. */
  close(): void
}

/** The arguments of one call as the transport received them. */
export type CallArgs = { ok: true; value: unknown } | { ok: false; status: 400 | 413; error: string; raw: unknown }

const PENDING_APPROVAL = { status: 'pending_approval' }
const CLOSED: ToolResponse = { status: 410, body: { error: 'this tool session is closed' } }
const NEVER_ANSWERED = 'the tool never answered (fault: timeout)'
export const DEFAULT_MAX_TOOL_CALLS = 200
const TOO_DEEP_ARGS = `arguments nested more than ${MAX_AGENT_DEPTH} levels deep (the limit for tool-call arguments)`
const ARGS_PREVIEW_CHARS = 200

export class SandboxSession implements ToolSession {
  readonly calls: ToolCallRecord[] = []
  refusedCalls = 0
  private closed = false
  private readonly fixtures = new FixtureServer()
  /** Calls waiting for their answer: each, called, answers its call as closed. */
  private readonly waiting = new Set<() => void>()

  constructor(
    readonly url: string,
    private readonly task: GoldenTask,
    private readonly workflow: Workflow,
    private readonly onClose: () => void,
    readonly maxCalls = DEFAULT_MAX_TOOL_CALLS,
    /** Answers what the task's fixtures do not (workflow.yml `tools_backend`). */
    private readonly backend?: ToolsBackendCalls
  ) {}

  call(tool: string, args: unknown): Promise<ToolResponse> {
    return this.handle(tool, { ok: true, value: args }, performance.now())
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    for (const answerClosed of [...this.waiting]) answerClosed()
    this.onClose()
  }

  /** Answers one call and records it (on arrival, so `seq` and the budget follow arrival). `startedAt` is a `performance.now()` reading. */
  handle(tool: string, args: CallArgs, startedAt: number): Promise<ToolResponse> {
    const pending = argsCheckPending(this.workflow)
    if (pending) return pending.then(() => this.handle(tool, args, startedAt))
    const served = this.answer(tool, args, startedAt)
    if ('later' in served) return this.later(served.later, startedAt)
    return 'backend' in served ? this.fromBackend(served.backend, startedAt) : Promise.resolve(served)
  }

  private answer(tool: string, args: CallArgs, startedAt: number): Answer {
    if (this.closed) return CLOSED
    if (this.calls.length >= this.maxCalls) {
      this.refusedCalls++
      const error = `tool-call budget exhausted after ${this.maxCalls} calls (budgets.max_tool_calls_per_task)`
      return { status: 429, body: { error } }
    }
    // Recorded args go through redaction and into the trace, which recurse once per level.
    if (args.ok && nestedDeeperThan(args.value, MAX_AGENT_DEPTH))
      args = { ok: false, status: 400, error: TOO_DEEP_ARGS, raw: `[${TOO_DEEP_ARGS}]` }
    if (tool === REQUEST_APPROVAL) return this.propose(args, startedAt)

    const recordedArgs = args.ok ? args.value : args.raw
    const denial = this.permissionError(tool, args.ok ? args.value : undefined)
    if (denial) return this.fail(startedAt, { tool, args: recordedArgs, allowed: false }, 403, denial)
    if (!args.ok) return this.fail(startedAt, { tool, args: recordedArgs, allowed: true }, args.status, args.error)
    const mismatch = argsMismatch(this.workflow, tool, args.value)
    if (mismatch) return this.fail(startedAt, { tool, args: args.value, allowed: true, rejected: true }, 400, mismatch)

    const fixture = fixtureFor(this.task, this.workflow, tool)
    const served = fixture ? this.fixtures.serve(fixture, args.value) : undefined
    // A fixture that answers the call goes first (that is how faults are injected), then the backend.
    if (this.backend && !served?.found) {
      return { backend: { record: this.record(startedAt, { tool, args: args.value, allowed: true }, null) } }
    }
    if (!fixture || !served) {
      const error = `no fixture for "${tool}" in task ${this.task.id}`
      return this.fail(startedAt, { tool, args: args.value, allowed: true }, 404, error)
    }
    if (!served.found) {
      const error = `no fixture case of "${tool}" matches args ${previewArgs(args.value)}`
      return this.fail(startedAt, { tool, args: args.value, allowed: true }, 404, error)
    }
    return this.serve(startedAt, { tool, args: args.value, allowed: true }, served)
  }

  /** The built-in step-up tool: records a proposed action; nothing is executed. */
  private propose(args: CallArgs, startedAt: number): Answer {
    const call = { tool: REQUEST_APPROVAL, args: args.ok ? args.value : args.raw, allowed: true }
    if (!args.ok) return this.fail(startedAt, call, args.status, args.error)
    const refusal = proposalRefusal(this.workflow)
    if (refusal) {
      const error = `${REQUEST_APPROVAL} may not be called ${refusal}`
      return this.fail(startedAt, { ...call, allowed: false, proposed: true }, 403, error)
    }

    const body = args.value
    if (!isPlainObject(body) || typeof body.tool !== 'string') {
      const error = `${REQUEST_APPROVAL} needs a JSON object { "tool": "<tool name>", "args": {...}, "reason": "..." }`
      return this.fail(startedAt, call, 400, error)
    }
    if (body.args !== undefined && !isPlainObject(body.args)) {
      return this.fail(startedAt, call, 400, `"args" of ${REQUEST_APPROVAL} must be a JSON object`)
    }
    const proposal = { ...call, proposed: true }
    if (!Object.hasOwn(this.workflow.permissions, body.tool)) {
      return this.fail(startedAt, { ...proposal, allowed: false }, 403, this.notInMatrix(body.tool))
    }
    const mismatch = argsMismatch(this.workflow, body.tool, body.args ?? {})
    if (mismatch) return this.fail(startedAt, { ...proposal, rejected: true }, 400, mismatch)
    const fixture = fixtureFor(this.task, this.workflow, REQUEST_APPROVAL)
    const served = fixture ? this.fixtures.serve(fixture, body) : { found: false as const }
    return served.found ? this.serve(startedAt, proposal, served) : this.succeed(startedAt, proposal, PENDING_APPROVAL)
  }

  /** A fixture's answer: its result or fault, now or after its delay; `fault: timeout` never. */
  private serve(startedAt: number, call: CallFields, served: Extract<Served, { found: true }>): Answer {
    const { fault, delayMs } = served
    if (fault === 'timeout') return { later: { record: this.record(startedAt, call, null, NEVER_ANSWERED, fault) } }
    const record = fault
      ? this.record(startedAt, call, null, fault.message, fault)
      : this.record(startedAt, call, served.result)
    const response = fault
      ? { status: fault.status, body: { error: fault.message }, fault }
      : { status: 200, body: served.result }
    return delayMs === 0 ? response : { later: { record, delay: { ms: delayMs, response } } }
  }

  /** Holds a call's answer for its delay, or (none) until the session closes, which answers it 410. */
  private later({ record, delay }: Later, startedAt: number): Promise<ToolResponse> {
    return new Promise((resolve) => {
      const settle = (answer: ToolResponse) => {
        clearTimeout(timer)
        this.waiting.delete(answerClosed)
        record.latency_ms = elapsedMs(startedAt)
        resolve(answer)
      }
      const answerClosed = () => {
        if (delay) record.error = `not answered: the attempt ended during its delay_ms ${delay.ms}`
        settle(CLOSED)
      }
      const timer = delay ? setTimeout(() => settle(delay.response), delay.ms) : undefined
      this.waiting.add(answerClosed)
    })
  }

  /** The backend's answer to a recorded call: its result (200), its refusal (400) or its failure (502). */
  private fromBackend({ record }: { record: ToolCallRecord }, startedAt: number): Promise<ToolResponse> {
    return new Promise((resolve) => {
      let settled = false
      const settle = (response: ToolResponse) => {
        if (settled) return
        settled = true
        this.waiting.delete(answerClosed)
        record.latency_ms = elapsedMs(startedAt)
        resolve(response)
      }
      const answerClosed = () => {
        record.error = 'not answered: the attempt ended while the tools backend was answering'
        settle(CLOSED)
      }
      this.waiting.add(answerClosed)
      const onAnswer = (answer: BackendAnswer) => {
        if ('result' in answer) {
          record.result = answer.result
          return settle({ status: 200, body: answer.result })
        }
        if ('error' in answer) {
          record.error = answer.error
          record.rejected = true
          return settle({ status: 400, body: { error: answer.error } })
        }
        record.error = `tools backend: ${answer.failure}`
        settle({ status: 502, body: { error: record.error } })
      }
      // A bug of ours must not leave the agent waiting for an answer.
      const onBug = (err: Error) => {
        record.error = `evalgate sandbox error: ${err.message}`
        settle({ status: 500, body: { error: record.error } })
      }
      this.backend!.call(record.tool, record.args).then((answer) => settled || onAnswer(answer), onBug)
    })
  }

  private permissionError(tool: string, args: unknown): string | undefined {
    if (!Object.hasOwn(this.workflow.permissions, tool)) return this.notInMatrix(tool)
    if (this.workflow.permissions[tool].approval === 'required') {
      return `"${tool}" requires approval: propose it with ${REQUEST_APPROVAL}`
    }
    const refusal = callRefusal(this.workflow, tool, args)
    return refusal && `${tool} may not be called ${refusal}`
  }

  private notInMatrix(tool: string): string {
    return `tool "${tool}" is not in the permission matrix of ${this.workflow.name}`
  }

  private succeed(startedAt: number, call: CallFields, result: unknown): ToolResponse {
    this.record(startedAt, call, result)
    return { status: 200, body: result }
  }

  private fail(startedAt: number, call: CallFields, status: number, error: string): ToolResponse {
    this.record(startedAt, call, null, error)
    return { status, body: { error } }
  }

  private record(startedAt: number, call: CallFields, result: unknown, error?: string, fault?: Fault): ToolCallRecord {
    const record: ToolCallRecord = {
      seq: this.calls.length + 1,
      tool: call.tool,
      args: call.args,
      result,
      started_at: wallClock(startedAt),
      latency_ms: elapsedMs(startedAt),
      allowed: call.allowed
    }
    if (error !== undefined) record.error = error
    if (fault !== undefined) record.fault = fault
    if (call.proposed) record.proposed = true
    if (call.rejected) record.rejected = true
    this.calls.push(record)
    return record
  }
}

/** A recorded call whose answer waits: for `delay`, or without one until the session closes. */
interface Later {
  record: ToolCallRecord
  delay?: { ms: number; response: ToolResponse }
}

type Answer = ToolResponse | { later: Later } | { backend: { record: ToolCallRecord } }

function elapsedMs(startedAt: number): number {
  return Math.round((performance.now() - startedAt) * 1000) / 1000
}

interface CallFields {
  tool: string
  args: unknown
  allowed: boolean
  proposed?: boolean
  rejected?: boolean
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function previewArgs(value: unknown): string {
  return preview(JSON.stringify(value) ?? String(value), ARGS_PREVIEW_CHARS, { mark: '...' })
}

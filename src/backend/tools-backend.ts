// One attempt's tools backend: started and reset before the agent runs, answering the calls the
// fixtures do not, asked for its state once the agent is done, then ended. Requests go one at a
// time, in the order they were made. The first failure (it would not start, exited, answered
// something that is not the protocol's, or not in time) sticks: every later request gets it,
// and the attempt is an infrastructure error.
import {
  DEFAULT_BACKEND_TIMEOUT_S,
  type BackendAnswer,
  type ToolsBackendCalls,
  type ToolsBackendConfig
} from '../model/tools-backend.js'
import { CommandTransport } from './command-transport.js'
import { HttpTransport } from './http-transport.js'
import { callAnswer, isResetAnswer, notTheAnswer, stateOf, type Exchange, type Request } from './protocol.js'
import type { Transport } from './transport.js'

export class ToolsBackend implements ToolsBackendCalls {
  /** Why the backend stopped being usable, once it did. */
  failure?: string
  private queue: Promise<unknown> = Promise.resolve()
  private ended = false

  private constructor(private readonly transport: Transport) {}

  /** Starts the backend and resets it to `state`; a failure to do so is in `failure`. */
  static async start(config: ToolsBackendConfig, dir: string, state: unknown): Promise<ToolsBackend> {
    const timeoutMs = (config.timeout_s ?? DEFAULT_BACKEND_TIMEOUT_S) * 1000
    const transport =
      'command' in config
        ? new CommandTransport(config, dir, timeoutMs)
        : new HttpTransport(config.url, config.headers, timeoutMs)
    const backend = new ToolsBackend(transport)
    const reset = await backend.request({ op: 'reset', state: state ?? null })
    if (reset.ok && !isResetAnswer(reset.value)) backend.fail(notTheAnswer('reset', reset.value))
    return backend
  }

  async call(tool: string, args: unknown): Promise<BackendAnswer> {
    const answered = await this.request({ op: 'call', tool, args })
    if (!answered.ok) return { failure: answered.failure }
    const answer = callAnswer(answered.value)
    if ('failure' in answer) this.fail(answer.failure)
    return answer
  }

  /** The backend's current state, or why it cannot say. */
  async state(): Promise<{ state: unknown } | { failure: string }> {
    const answered = await this.request({ op: 'state' })
    if (!answered.ok) return { failure: answered.failure }
    const state = stateOf(answered.value)
    if (state) return state
    this.fail(notTheAnswer('state', answered.value))
    return { failure: this.failure! }
  }

  end(): void {
    if (this.ended) return
    this.ended = true
    this.transport.end()
  }

  private request(request: Request): Promise<Exchange> {
    const next = this.queue.then((): Promise<Exchange> | Exchange => {
      if (this.failure) return { ok: false, failure: this.failure }
      if (this.ended) return { ok: false, failure: 'the backend was ended' }
      return this.transport.exchange(request).then((exchange) => {
        if (!exchange.ok) this.fail(exchange.failure)
        return exchange
      })
    })
    this.queue = next
    return next
  }

  private fail(reason: string): void {
    this.failure ??= reason
  }
}

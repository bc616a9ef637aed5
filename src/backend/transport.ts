import type { Exchange, Request } from './protocol.js'

/** How one attempt's requests reach its backend (a process, an HTTP service): one at a time. */
export interface Transport {
  exchange(request: Request): Promise<Exchange>
  /** The attempt is over: the backend may let go of it (a process is ended). */
  end(): void
}

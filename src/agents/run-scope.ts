import { onStop } from '../util/stop-signals.js'
import type { RunResource, RunScope } from './context.js'

/** The resources agents keep for one run: the runner ends them with it; a stop signal kills them. */
export class AgentRunScope implements RunScope {
  private readonly resources = new Map<symbol, RunResource>()
  private unregister?: () => void

  resource<T extends RunResource>(key: symbol, make: () => T): T {
    let resource = this.resources.get(key)
    if (!resource) {
      this.resources.set(key, (resource = make()))
      this.unregister ??= onStop(() => this.kill())
    }
    return resource as T
  }

  async end(): Promise<void> {
    await Promise.all([...this.resources.values()].map((resource) => resource.end()))
    this.unregister?.()
    this.unregister = undefined
  }

  kill(): void {
    for (const resource of this.resources.values()) resource.kill()
  }
}

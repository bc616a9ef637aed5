// The processes of persistent command agents, for one run: a pool per agent and environment (a
// kill-switch drill's workers start with the switch on), each worker serving one task at a time.
// The runner's concurrency limit bounds how many a pool starts. Every worker's process group is
// killed when the run ends and on a stop signal (./run-scope.ts).
import type { KillSwitch } from '../model/workflow.js'
import { agentEnvironmentCached } from './agent-env.js'
import type { CommandAgent } from './command-settings.js'
import type { RunResource } from './context.js'
import { CommandWorker, type WorkerLimits, type WorkerReply } from './command-worker.js'
import { spawnGroup } from './process-group.js'

/** How long an ended worker (after `max_tasks_per_worker`, or at the end of the run) has to exit once its stdin is closed. */
const END_GRACE_MS = 1000

// Per task in the line; a worker serves many tasks.
const PER_TASK_VARIABLES = ['EVALGATE_TOOLS_URL', 'EVALGATE_TASK_ID']

class WorkerPool {
  private readonly idle: CommandWorker[] = []
  /** Every worker not yet gone, busy, idle or ending. */
  private readonly live = new Set<CommandWorker>()

  constructor(
    private readonly agent: CommandAgent,
    private readonly cwd: string,
    private readonly killSwitch: KillSwitch | undefined,
    private readonly limits: WorkerLimits
  ) {}

  /** Serves one task on an idle worker, or a new one; undefined when the command is empty. */
  async serve(taskId: string, line: string, timeoutMs: number): Promise<WorkerReply | undefined> {
    let worker = this.idle.pop()
    while (worker && !worker.usable) worker = this.idle.pop()
    worker ??= this.start()
    if (!worker) return undefined
    const reply = await worker.serve(taskId, line, timeoutMs)
    const max = this.agent.max_tasks_per_worker
    if (max !== undefined && worker.served >= max) void worker.end(END_GRACE_MS)
    else if (worker.usable) this.idle.push(worker)
    return reply
  }

  /** Ends every worker (stdin closed, killed after a grace) and waits until they are gone. */
  async stop(): Promise<void> {
    this.idle.length = 0
    await Promise.all([...this.live].map((worker) => worker.end(END_GRACE_MS)))
  }

  kill(): void {
    for (const worker of this.live) worker.kill()
  }

  private start(): CommandWorker | undefined {
    const env = { ...agentEnvironmentCached(this.agent) }
    for (const name of PER_TASK_VARIABLES) delete env[name]
    if (this.killSwitch?.env) env[this.killSwitch.env] = this.killSwitch.value
    const group = spawnGroup(this.agent.command, this.cwd, env)
    if (!group) return undefined
    const worker = new CommandWorker(group, this.cwd, this.limits)
    this.live.add(worker)
    void worker.whenGone.then(() => this.live.delete(worker))
    return worker
  }
}

/** The persistent workers of one run (created by the runner, stopped when it ends). */
export class WorkerPools implements RunResource {
  private readonly pools = new Map<CommandAgent, Map<string, WorkerPool>>()

  constructor(private readonly limits: WorkerLimits) {}

  /** The pool of `agent` (started in `cwd`), with `killSwitch` on in its environment if set. */
  poolFor(agent: CommandAgent, cwd: string, killSwitch: KillSwitch | undefined): WorkerPool {
    let byEnv = this.pools.get(agent)
    if (!byEnv) this.pools.set(agent, (byEnv = new Map()))
    const key = killSwitch?.env ? `${killSwitch.env}=${killSwitch.value}` : ''
    let pool = byEnv.get(key)
    if (!pool)
      byEnv.set(key, (pool = new WorkerPool(agent, cwd, killSwitch?.env ? killSwitch : undefined, this.limits)))
    return pool
  }

  /** Ends every worker of the run (stdin closed, then killed after a grace) and waits for them. */
  async end(): Promise<void> {
    await Promise.all([...this.pools.values()].flatMap((byEnv) => [...byEnv.values()].map((pool) => pool.stop())))
  }

  /** Kills every worker's process group now (synchronous: a stop signal exits right after). */
  kill(): void {
    for (const byEnv of this.pools.values()) for (const pool of byEnv.values()) pool.kill()
  }
}

export type { WorkerPool }

import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { runAgent } from '../../src/agents/index.js'
import type { AgentConfig } from '../../src/agents/registry.js'
import type { LoadedTask } from '../../src/load/task-schema.js'
import type { AgentRun, Workflow } from '../../src/model/types.js'
import type { ToolSandbox } from '../../src/sandbox/index.js'
import { makeTask, makeWorkflow } from '../helpers/model.js'

export const FIXTURE_AGENTS = fileURLToPath(new URL('../fixtures/agents/', import.meta.url))

export const ORDER = { order_id: 'A-1', status: 'delivered', total: 25 }

export function taskWithOrder(overrides: Partial<LoadedTask> = {}): LoadedTask {
  return makeTask({ fixtures: { lookup_order: { kind: 'value', value: ORDER } }, ...overrides })
}

/** Runs one attempt of `task` with `agent` in a fresh tool session. */
export async function runWith(
  sandbox: ToolSandbox,
  agent: AgentConfig,
  options: { task?: LoadedTask; workflow?: Partial<Workflow>; timeoutMs?: number } = {}
): Promise<AgentRun> {
  const task = options.task ?? taskWithOrder()
  const workflow = makeWorkflow({ dir: FIXTURE_AGENTS, agent, ...options.workflow })
  const session = sandbox.open(task, workflow)
  try {
    return await runAgent({ task, workflow, session, timeoutMs: options.timeoutMs ?? 20_000 })
  } finally {
    session.close()
  }
}

export function node(script: string): AgentConfig {
  return { type: 'command', command: [process.execPath, script] }
}

/** True while `pid` is a live (not zombie) process. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch {
    return false
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))
  } catch {
    return false
  }
}

export async function waitUntilDead(pids: number[], ms = 3000): Promise<number[]> {
  const deadline = Date.now() + ms
  let alive = pids.filter(isAlive)
  while (alive.length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20))
    alive = alive.filter(isAlive)
  }
  return alive
}

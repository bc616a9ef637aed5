// Persistent command agents (issue 16 part P): workers started once per run, one task per line,
// and every fault of the protocol ending only the worker that made it.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { AgentRunScope, runAgent } from '../../src/agents/index.js'
import { commandAgent } from '../../src/agents/command.js'
import { commandSchema } from '../../src/agents/command-settings.js'
import type { AgentConfig } from '../../src/agents/registry.js'
import type { AgentRun } from '../../src/model/types.js'
import type { KillSwitch } from '../../src/model/workflow.js'
import { ToolSandbox } from '../../src/sandbox/index.js'
import { makeTask, makeWorkflow } from '../helpers/model.js'
import { FIXTURE_AGENTS, ORDER, isAlive, waitUntilDead } from './run-helpers.js'

let sandbox: ToolSandbox
beforeAll(async () => {
  sandbox = await ToolSandbox.start()
})
afterAll(async () => {
  await sandbox.stop()
})

// A workflow's agent settings are one object for the whole run: its workers are pooled by it.
const persistent = (extra: Record<string, unknown> = {}): AgentConfig => ({
  type: 'command',
  command: [process.execPath, 'persistent.mjs'],
  persistent: true,
  ...extra
})
const AGENT = persistent()

let scope: AgentRunScope
afterEach(async () => {
  await scope?.end()
})

/** Runs task `id` (its input's `do` says what the agent does) on the workers of `scope`. */
async function runTask(
  id: string,
  input: Record<string, unknown> = {},
  options: { agent?: AgentConfig; timeoutMs?: number; killSwitch?: KillSwitch; scope?: AgentRunScope | null } = {}
): Promise<AgentRun> {
  const task = makeTask({
    id,
    input: { order_id: 'A-1', ...input },
    fixtures: { lookup_order: { kind: 'value', value: ORDER } }
  })
  const agent = options.agent ?? AGENT
  const workflow = makeWorkflow({ dir: FIXTURE_AGENTS, agent })
  const session = sandbox.open(task, workflow)
  const run = await runAgent({
    task,
    workflow,
    session,
    timeoutMs: options.timeoutMs ?? 20_000,
    ...(options.scope === null ? {} : { scope: options.scope ?? scope }),
    ...(options.killSwitch ? { killSwitch: options.killSwitch } : {})
  })
  session.close()
  return run
}

const pidOf = (run: AgentRun) => (run.answer?.result as { pid: number }).pid

describe('a persistent command agent', () => {
  it('serves many tasks on at most as many workers as run at once, each task on its own line', async () => {
    scope = new AgentRunScope()
    const first = await Promise.all(['a', 'b', 'c'].map((id) => runTask(id, { delay_ms: 100 })))
    const second = await Promise.all(['d', 'e', 'f'].map((id) => runTask(id)))
    const runs = [...first, ...second]
    for (const run of runs) {
      expect(run.infra_error).toBeUndefined()
      expect(run.agent_error).toBeUndefined()
      expect(run.tool_calls).toEqual([expect.objectContaining({ tool: 'lookup_order', result: ORDER, allowed: true })])
    }
    const pids = new Set(runs.map(pidOf))
    expect(pids.size).toBe(3)
    expect(new Set(second.map(pidOf))).toEqual(new Set(first.map(pidOf)))
    // The tools URL and the task id come in the line: neither is in a worker's environment.
    expect((runs[0].answer?.result as { env: unknown }).env).toEqual({ tools_url: null, task_id: null, switch: null })
    // stderr: only the lines written while that task was out.
    expect(runs[1].stderr).toBe('serving b\ndone b\n')
  })

  it('keeps the answer protocol: an answer that breaks it fails that task, the worker goes on', async () => {
    scope = new AgentRunScope()
    const before = await runTask('a')
    const bad = await runTask('b', { do: 'bad_answer' })
    expect(bad.agent_error).toMatch(/^answer does not follow the protocol: escalated must be a boolean/)
    expect(bad.error_kind).toBe('bad_answer')
    const after = await runTask('c')
    expect(pidOf(after)).toBe(pidOf(before))
  })

  it.each([
    ['wrong_id', 'bad_answer', 'agent_error', 'the agent answered for task "someone-else" while task "t" was out'],
    ['no_task_id', 'bad_answer', 'agent_error', 'the answer line carries no task_id'],
    ['twice', 'bad_answer', 'agent_error', 'the agent answered task "t" twice'],
    ['garbage', 'bad_output', 'agent_error', 'agent output was not JSON: this is not json'],
    ['close_stdout', 'crash', 'agent_error', 'the agent closed its stdout before answering task "t"'],
    ['crash', 'crash', 'agent_error', 'agent exited with code 3: about to crash'],
    ['throw', 'crash', 'agent_error', 'agent exited with code 1: Error: the model client went away'],
    ['huge', 'bad_output', 'agent_error', 'agent output is over 10 MB'],
    ['hang', 'timeout', 'infra_error', 'agent timed out after 1.5s']
  ] as const)('%s: that task gets %s, its worker is killed and replaced', async (fault, kind, field, reason) => {
    scope = new AgentRunScope()
    const before = await runTask('a')
    const [run, beside] = await Promise.all([
      runTask('t', { do: fault }, { timeoutMs: 1500 }),
      runTask('beside', { delay_ms: 300 })
    ])
    expect(run[field]).toContain(reason)
    expect(run.error_kind).toBe(kind)
    expect(beside.answer?.label).toBe('ok')
    // The faulty worker (the one that served "a") is gone, with what it started.
    const pids =
      fault === 'hang'
        ? run
            .stderr!.match(/pids (\d+) (\d+)/)!
            .slice(1)
            .map(Number)
        : []
    expect(await waitUntilDead([pidOf(before), ...pids])).toEqual([])
    const after = await runTask('after')
    expect(after.answer?.label).toBe('ok')
    expect([pidOf(before)]).not.toContain(pidOf(after))
  })

  it('replaces a worker that writes a line nobody asked for while idle; its task keeps its answer', async () => {
    scope = new AgentRunScope()
    const run = await runTask('a', { do: 'late_extra' })
    expect(run.answer?.label).toBe('ok')
    expect(await waitUntilDead([pidOf(run)])).toEqual([])
    const next = await runTask('b')
    expect(next.answer?.label).toBe('ok')
    expect(pidOf(next)).not.toBe(pidOf(run))
  })

  it('ends a worker after max_tasks_per_worker tasks and starts another', async () => {
    scope = new AgentRunScope()
    const runs: AgentRun[] = []
    const agent = persistent({ max_tasks_per_worker: 2 })
    for (const id of ['a', 'b', 'c', 'd', 'e']) runs.push(await runTask(id, {}, { agent }))
    const pids = runs.map(pidOf)
    expect(pids[0]).toBe(pids[1])
    expect(pids[2]).toBe(pids[3])
    expect(new Set(pids).size).toBe(3)
    expect(runs.map((run) => (run.answer?.result as { served: number }).served)).toEqual([1, 2, 1, 2, 1])
    expect(await waitUntilDead([pids[0], pids[2]])).toEqual([])
  })

  it('runs kill-switch drill tasks on workers of their own, started with the switch on', async () => {
    scope = new AgentRunScope()
    const killSwitch: KillSwitch = { env: 'AGENT_OFF', value: '1', drill_tasks: 10 }
    const normal = await runTask('a')
    const drilled = await runTask('b', {}, { killSwitch })
    const normalAgain = await runTask('c')
    const env = (run: AgentRun) => (run.answer?.result as { env: { switch: string | null } }).env.switch
    expect([env(normal), env(drilled), env(normalAgain)]).toEqual([null, '1', null])
    expect(pidOf(drilled)).not.toBe(pidOf(normal))
    expect(pidOf(normalAgain)).toBe(pidOf(normal))
  })

  it('ends every worker when the run ends: stdin closed, killed after a grace if it does not exit', async () => {
    scope = new AgentRunScope()
    const polite = await runTask('a')
    const stubborn = await runTask('b', { do: 'stubborn' }, { agent: persistent({ env: { KIND: 'stubborn' } }) })
    expect(isAlive(pidOf(polite)) && isAlive(pidOf(stubborn))).toBe(true)
    const started = Date.now()
    await scope.end()
    expect(isAlive(pidOf(polite))).toBe(false)
    expect(isAlive(pidOf(stubborn))).toBe(false)
    expect(Date.now() - started).toBeGreaterThanOrEqual(900)
  })

  it('cannot start: the task errors as a per-task agent would, and the next one tries again', async () => {
    scope = new AgentRunScope()
    const agent = persistent({ command: ['/nonexistent/agent-binary'] })
    const run = await runTask('a', {}, { agent })
    expect(run.infra_error).toMatch(/^could not start agent: spawn \/nonexistent\/agent-binary ENOENT/)
    expect(run.error_kind).toBe('unreachable')
    const shell = await runTask('b', {}, { agent: persistent({ command: 'no-such-agent-command' }) })
    expect(shell.infra_error).toMatch(/^could not start agent: .*not found/)
  })

  it('runs a process per task where no run keeps workers (the same loop serves one line)', async () => {
    const run = await runTask('a', {}, { scope: null })
    expect(run.answer?.label).toBe('ok')
    expect((run.answer?.result as { env: { task_id: string } }).env.task_id).toBe('a')
  })
})

describe('persistent settings', () => {
  it('take a positive whole max_tasks_per_worker, and only with persistent', () => {
    const base = { type: 'command', command: ['node', 'agent.mjs'] }
    expect(commandSchema.safeParse({ ...base, persistent: true, max_tasks_per_worker: 50 }).success).toBe(true)
    for (const bad of [0, -1, 1.5, '10']) {
      expect(commandSchema.safeParse({ ...base, persistent: true, max_tasks_per_worker: bad }).success).toBe(false)
    }
    expect(commandSchema.safeParse({ ...base, persistent: 'yes' }).success).toBe(false)
    expect(commandAgent.check!({ ...base, type: 'command', max_tasks_per_worker: 5 })).toEqual([
      {
        at: ['max_tasks_per_worker'],
        message: 'max_tasks_per_worker applies to persistent agents only: set `persistent: true`'
      }
    ])
  })
})

// Persistent command agents through the CLI, with real processes and real signals: a stopped run
// kills every worker and what it started (a new session, a double fork), a finished run too, and
// the README's reference loops (Node and Python) serve a whole run.
import { describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { exited, recorded, running, until } from '../helpers/recorded-processes.js'
import { cliPath, repoRoot, runCli, writeProject } from '../helpers/project.js'

// A persistent agent that records its pid as pids/<role>-<agent pid>-<pid>. For each task it
// starts a child in a new session and a daemon (a child in a new session that starts a
// grandchild in another, then exits), then answers once both run (task ids "quick-*"), or never.
const agent = `const { spawn } = require('node:child_process')
const { readdirSync, writeFileSync } = require('node:fs')
const { join } = require('node:path')
const { createInterface } = require('node:readline')
const pids = join(__dirname, '..', '..', 'pids')
const [role, agentPid = process.pid] = process.argv.slice(2)
const record = () => writeFileSync(join(pids, role + '-' + agentPid + '-' + process.pid), '')
const start = (...args) => spawn(process.execPath, [__filename, ...args], { detached: true, stdio: 'ignore' }).unref()
const count = (prefix) => readdirSync(pids).filter((f) => f.startsWith(prefix + '-' + process.pid + '-')).length
if (role === 'setsid' || role === 'daemon') {
  record()
  setInterval(() => {}, 1e6)
} else if (role === 'daemon-parent') {
  start('daemon', agentPid)
  setTimeout(() => process.exit(0), 200)
} else {
  writeFileSync(join(pids, 'agent-' + process.pid + '-' + process.pid), '')
  let served = 0
  createInterface({ input: process.stdin }).on('line', (line) => {
    const task = JSON.parse(line)
    served++
    start('setsid', process.pid)
    start('daemon-parent', process.pid)
    const answer = () =>
      count('setsid') >= served && count('daemon') >= served
        ? process.stdout.write(JSON.stringify({ task_id: task.task_id, label: 'ok' }) + '\\n')
        : setTimeout(answer, 50)
    if (task.task_id.startsWith('quick')) answer()
  })
}
`

const task = (id: string) => `- { id: ${id}, tier: T1, risk: low, input: {}, expected: { label: ok } }`

function project(ids: string[]): string {
  const dir = writeProject({
    'thresholds.yml': 'tiers: { T1: 0.5 }\nbudgets: { task_timeout_s: 120 }\n',
    'golden-tasks/wf/workflow.yml': [
      'name: wf',
      'permissions: {}',
      'agent:',
      '  type: command',
      `  command: ["${process.execPath}", "agent.cjs"]`,
      '  persistent: true',
      ''
    ].join('\n'),
    'golden-tasks/wf/agent.cjs': agent,
    'golden-tasks/wf/tasks.yaml': ids.map(task).join('\n') + '\n'
  })
  mkdirSync(join(dir, 'pids'))
  return dir
}

describe('a persistent agent of a run stopped by a signal', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143]
  ] as const)('%s: every worker and what it started are killed, exit %d', async (signal, code) => {
    const dir = project(['a', 'b', 'c', 'd'])
    const child = spawn(process.execPath, [cliPath, 'run', '--out', 'out', '--concurrency', '4'], { cwd: dir })
    const done = exited(child)
    // Four workers, each with a child in a new session and a daemon.
    await until('the workers and their escaped children', () => recorded(dir).length === 12)
    expect(running(dir)).toHaveLength(12)
    child.kill(signal)
    const res = await done
    expect(res.code).toBe(code)
    expect(res.stderr).toContain(`evalgate: stopped by ${signal}`)
    await until('every worker process to die', () => running(dir).length === 0, 5000).catch(() => undefined)
    expect(running(dir)).toEqual([])
  })
})

describe('a persistent agent of a finished run', () => {
  it('serves every task on one worker at concurrency 1; the worker and what it started die with the run', async () => {
    const dir = project(['quick-1', 'quick-2', 'quick-3'])
    const res = await exited(
      spawn(process.execPath, [cliPath, 'run', '--out', 'out', '--concurrency', '1', '--repeat', '1'], { cwd: dir })
    )
    expect(res.code).toBe(0)
    expect(recorded(dir).filter((f) => f.startsWith('agent'))).toHaveLength(1)
    expect(recorded(dir)).toHaveLength(7)
    expect(running(dir)).toEqual([])
  })
})

/** The README's reference loop in `language` (the first such block after "#### Persistent command agents"). */
function referenceLoop(language: 'js' | 'python'): string {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8')
  const section = readme.slice(readme.indexOf('#### Persistent command agents'))
  const block = new RegExp('```' + language + '\\n([\\s\\S]*?)```').exec(section)
  if (!block) throw new Error(`no ${language} block in README's persistent agents section`)
  return block[1]
}

describe("README's reference loops", () => {
  const order = (id: string, status: string) => `{ order_id: ${id}, status: ${status} }`
  const tasks = [
    ['r-1', 'A-1', 'delivered', 'refund_approved'],
    ['r-2', 'A-2', 'lost', 'needs_review'],
    ['r-3', 'A-3', 'delivered', 'refund_approved'],
    ['r-4', 'A-4', 'delivered', 'refund_approved'],
    ['r-5', 'A-5', 'lost', 'needs_review'],
    ['r-6', 'A-6', 'delivered', 'refund_approved']
  ]
  const tasksYaml = tasks
    .map(
      ([id, orderId, status, label]) =>
        `- { id: ${id}, tier: T1, risk: low, input: { order_id: ${orderId} }, fixtures: { lookup_order: ${order(orderId, status)} }, expected: { label: ${label} } }`
    )
    .join('\n')

  it.each([
    ['Node', 'js', 'agent.mjs', 'node agent.mjs'],
    ['Python', 'python', 'agent.py', 'python3 agent.py']
  ] as const)('%s: serves six tasks on at most two workers, every answer right', async (_, language, file, run) => {
    const dir = writeProject({
      'thresholds.yml': 'tiers: { T1: 1 }\n',
      'golden-tasks/wf/workflow.yml': [
        'name: wf',
        'permissions: { lookup_order: { scope: read, risk: low } }',
        'agent:',
        '  type: command',
        // Each worker start leaves a line in starts.log.
        `  command: "echo started >> starts.log; exec ${run}"`,
        '  persistent: true',
        ''
      ].join('\n'),
      [`golden-tasks/wf/${file}`]: referenceLoop(language),
      'golden-tasks/wf/tasks.yaml': tasksYaml + '\n'
    })
    const res = await runCli(['run', '--out', 'out', '--concurrency', '2', '--repeat', '1'], dir)
    const report = JSON.parse(readFileSync(join(dir, 'out', 'report.json'), 'utf8'))
    expect(report.tasks.map((t: { status: string }) => t.status)).toEqual(tasks.map(() => 'pass'))
    expect(res.code).toBe(0)
    const starts = readFileSync(join(dir, 'golden-tasks', 'wf', 'starts.log'), 'utf8')
      .trim()
      .split('\n')
    expect(starts.length).toBeGreaterThanOrEqual(1)
    expect(starts.length).toBeLessThanOrEqual(2)
  })
})

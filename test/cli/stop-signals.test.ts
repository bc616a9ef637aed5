// Rows 5 and 6 of issue 10, with real processes and real signals: a stopped `evalgate run` (the
// CLI, and the action the runner cancels) kills every agent, those that left its process group
// by a new session (setsid) or a double fork included, leaves no report, and exits 130 / 143.
// The same escaped processes are killed when their attempt ends, while the run goes on.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { exited, recorded, running, until } from '../helpers/recorded-processes.js'
import { cliPath, repoRoot, writeProject } from '../helpers/project.js'
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.js'

// Records its pid as pids/<role>-<agent pid>-<pid>. As the agent: starts a child in a new
// session and a daemon (a child in a new session that starts a grandchild in another, then
// exits), then answers once both run (task "quick"), or never. Task "check" starts nothing and
// answers which processes that earlier agents started still run.
const agent = `const { spawn } = require('node:child_process')
const { readdirSync, readFileSync, writeFileSync } = require('node:fs')
const { join } = require('node:path')
const pids = join(__dirname, '..', '..', 'pids')
const [role, agentPid = process.pid] = process.argv.slice(2)
const record = () => writeFileSync(join(pids, role + '-' + agentPid + '-' + process.pid), '')
const start = (...args) => spawn(process.execPath, [__filename, ...args], { detached: true, stdio: 'ignore' }).unref()
const mine = (prefix) => readdirSync(pids).some((f) => f.startsWith(prefix + '-' + process.pid + '-'))
const alive = () =>
  readdirSync(pids).filter((f) => !f.startsWith('agent')).filter((f) => {
    try {
      return !/^\\d+ \\(.*\\) [ZX]/.test(readFileSync('/proc/' + f.split('-')[2] + '/stat', 'utf8'))
    } catch {
      return false
    }
  })
if (role === 'setsid' || role === 'daemon') {
  record()
  setInterval(() => {}, 1e6)
} else if (role === 'daemon-parent') {
  start('daemon', agentPid)
  setTimeout(() => process.exit(0), 200)
} else {
  let raw = ''
  process.stdin.on('data', (d) => (raw += d))
  process.stdin.on('end', () => {
    const task = JSON.parse(raw)
    if (task.task_id === 'check') return process.stdout.write(JSON.stringify({ label: 'ok', result: { alive: alive() } }))
    writeFileSync(join(pids, 'agent-' + process.pid + '-' + process.pid), '')
    start('setsid', process.pid)
    start('daemon-parent', process.pid)
    const answer = () =>
      mine('setsid') && mine('daemon') ? process.stdout.write(JSON.stringify({ label: 'ok' })) : setTimeout(answer, 50)
    if (task.task_id === 'quick') answer()
    else setInterval(() => {}, 1e6)
  })
}
`

const task = (id: string) => `- { id: ${id}, tier: T1, risk: low, input: {}, expected: { label: ok } }`
const OUTPUTS = ['report.json', 'summary.md', 'junit.xml', 'report.html', 'traces.jsonl']

function project(ids: string[], out: string): string {
  const dir = writeProject({
    'thresholds.yml': 'tiers: { T1: 0.9 }\nbudgets: { task_timeout_s: 120 }\n',
    'golden-tasks/wf/workflow.yml': [
      'name: wf',
      'permissions: {}',
      'agent:',
      '  type: command',
      `  command: ["${process.execPath}", "agent.js"]`,
      ''
    ].join('\n'),
    'golden-tasks/wf/agent.js': agent,
    'golden-tasks/wf/tasks.yaml': ids.map(task).join('\n') + '\n',
    // A finished report of an earlier run, which a stopped run must not leave standing.
    ...Object.fromEntries(
      OUTPUTS.map((name) => [`${out}/${name}`, name.endsWith('.json') ? '{"decision":"pass"}' : 'old'])
    )
  })
  mkdirSync(join(dir, 'pids'))
  return dir
}

/** Starts `args` under node in `dir`, waits until all four agents and what they started run, then sends `signal`. */
async function stopMidRun(dir: string, args: string[], env: NodeJS.ProcessEnv, signal: NodeJS.Signals) {
  const child = spawn(process.execPath, args, { cwd: dir, env })
  const done = exited(child)
  await until('the agents and their escaped children', () => recorded(dir).length === 12)
  expect(running(dir)).toHaveLength(12)
  child.kill(signal)
  return done
}

async function expectStoppedCleanly(dir: string, out: string): Promise<void> {
  await until('every agent process to die', () => running(dir).length === 0, 5000).catch(() => undefined)
  expect(running(dir)).toEqual([])
  const left = readdirSync(join(dir, out))
  for (const name of OUTPUTS) expect(left).not.toContain(name)
  expect(left.filter((name) => !name.endsWith('.partial'))).toEqual([])
}

describe('evalgate run stopped by a signal', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143]
  ] as const)('%s: every agent and what it started are killed, no report is left, exit %d', async (signal, code) => {
    const dir = project(['a', 'b', 'c', 'd'], 'out')
    const res = await stopMidRun(dir, [cliPath, 'run', '--out', 'out', '--concurrency', '4'], process.env, signal)
    expect(res.code).toBe(code)
    expect(res.stderr).toContain(`evalgate: stopped by ${signal}`)
    expect(res.stderr).toContain('no report written in out')
    expect(res.stderr).not.toMatch(/\n\s+at /)
    await expectStoppedCleanly(dir, 'out')
  })
})

describe('a run that cannot start', () => {
  it('still leaves no earlier report behind: a stale "pass" must not read as this run', async () => {
    const dir = project(['a'], 'out')
    const res = await exited(
      spawn(process.execPath, [cliPath, 'run', '--out', 'out', '--filter', 'id=none'], { cwd: dir })
    )
    expect(res.code).toBe(2)
    expect(readdirSync(join(dir, 'out'))).toEqual([])
  })
})

describe('the action cancelled by the runner (SIGINT)', () => {
  let gh: FakeGitHub
  beforeAll(async () => {
    gh = await startFakeGitHub()
  })
  afterAll(() => gh.close())

  it('kills every agent, leaves no report, exits 130', async () => {
    const dir = project(['a', 'b', 'c', 'd'], 'evalgate-report')
    const scratch = writeProject({ 'event.json': JSON.stringify({ inputs: {} }), output: '', summary: '' })
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME ?? tmpdir(),
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: 'workflow_dispatch',
      GITHUB_EVENT_PATH: join(scratch, 'event.json'),
      GITHUB_REPOSITORY: 'acme/shop',
      GITHUB_SHA: 'c'.repeat(40),
      GITHUB_WORKSPACE: dir,
      GITHUB_API_URL: gh.url,
      GITHUB_SERVER_URL: 'https://github.example',
      GITHUB_RUN_ID: '1',
      GITHUB_OUTPUT: join(scratch, 'output'),
      GITHUB_STEP_SUMMARY: join(scratch, 'summary'),
      'INPUT_GITHUB-TOKEN': 'ghs_faketoken0123456789',
      INPUT_CONCURRENCY: '4',
      NO_PROXY: '127.0.0.1,localhost'
    }
    const res = await stopMidRun(dir, [join(repoRoot, 'dist', 'index.js')], env, 'SIGINT')
    expect(res.code).toBe(130)
    expect(res.stderr).toContain('evalgate: stopped by SIGINT')
    await expectStoppedCleanly(dir, 'evalgate-report')
  })
})

describe('what an agent started outside its process group', () => {
  it('is killed when its attempt ends, while the run goes on', async () => {
    const dir = project(['quick', 'check'], 'out')
    const child = spawn(process.execPath, [cliPath, 'run', '--out', 'out', '--concurrency', '1', '--repeat', '1'], {
      cwd: dir
    })
    const res = await exited(child)
    expect(res.code).toBe(0)
    const traces = readFileSync(join(dir, 'out', 'traces.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
    // The agent of "quick" started its two escapees: they were gone before "check" looked.
    expect(recorded(dir).filter((f) => !f.startsWith('agent'))).toHaveLength(2)
    expect(traces.find((t) => t.task_id === 'check').outcome.answer.result).toEqual({ alive: [] })
    expect(running(dir)).toEqual([])
    expect(existsSync(join(dir, 'out', 'traces.jsonl.partial'))).toBe(false)
  })
})

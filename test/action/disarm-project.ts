// The set-up of the "a PR cannot disarm its own gate" tests (issue 8): a real git repository
// whose base commit fails the gate — 40 T1 golden tasks of which the command agent gets 4 wrong
// (T1 90.0% < 92%) — then a PR head made as an attacker would, by editing the checkout and
// committing on a branch. The fake GitHub serves that repository (trees, blobs, contents) and
// knows the PR: its head, its base and the files it changed.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { commitAll, git } from '../helpers/commit-files.js'
import { startFakeGitHub, type FakeGitHub, type FakeState } from '../helpers/fake-github.js'
import { runCli, writeProject } from '../helpers/project.js'
import { taskYaml, tierTasks, type TaskSpec } from '../cli/base-project.js'
import { AUTHOR, PR } from './project.js'
import { runAction, type ActionRun, type RunOptions } from './run-action.js'

export { taskYaml }

export const APPROVER = 'lead'
export const T1_TASKS = 40
/** The first WRONG tasks of T1 carry `answer: wrong`, which the agent answers wrongly. */
export const WRONG = 4
export const FAILING_IDS = ['t1-0', 't1-1', 't1-2', 't1-3']
export const BASE_FAILURE = 'T1 90.0% < 92%'

export const THRESHOLDS = [
  'tiers:',
  '  T1: 0.92',
  'override:',
  `  approvers: [${APPROVER}]`,
  '  min_permission: maintain',
  ''
].join('\n')

// Logs every task it runs (base and PR forms alike) and answers through a module beside it.
const AGENT = `import { appendFileSync } from 'node:fs'
import { answer } from './lib.mjs'
let raw = ''
process.stdin.on('data', (d) => (raw += d))
process.stdin.on('end', () => {
  const task = JSON.parse(raw)
  appendFileSync(new URL('./ran.log', import.meta.url), task.task_id + '\\n')
  process.stdout.write(JSON.stringify({ label: answer(task.input) }) + '\\n')
})
`
export const LIB = "export const answer = (input) => (input.answer === 'wrong' ? 'wrong' : 'ok')\n"

export const t1Tasks = (count = T1_TASKS, wrong = WRONG): TaskSpec[] => tierTasks('T1', count, wrong)

export function manifest(name = 'wf', agent?: string[]): string {
  return [
    `name: ${name}`,
    'inputs: { required: [msg] }',
    'permissions:',
    '  lookup_order: { scope: read, risk: low }',
    'agent:',
    ...(agent ?? ['  type: command', `  command: [${JSON.stringify(process.execPath)}, "../../agent/agent.mjs"]`]),
    ''
  ].join('\n')
}

export const TASKS_FILE = 'golden-tasks/wf/tasks/t1.yaml'
export const MANIFEST = 'golden-tasks/wf/workflow.yml'

/** The base commit's files; `null` leaves a file out. */
export function baseFiles(more: Record<string, string | null> = {}): Record<string, string> {
  const files: Record<string, string | null> = {
    'README.md': '# shop\n',
    'thresholds.yml': THRESHOLDS,
    [MANIFEST]: manifest(),
    [TASKS_FILE]: taskYaml(t1Tasks()),
    'agent/agent.mjs': AGENT,
    'agent/lib.mjs': LIB,
    ...more
  }
  return Object.fromEntries(Object.entries(files).filter((e): e is [string, string] => e[1] !== null))
}

/** The PR's checkout: what an attacker edits. */
export interface Checkout {
  dir: string
  write(files: Record<string, string>): void
  remove(...paths: string[]): void
  read(path: string): string
}

export interface PullRequest {
  dir: string
  base: string
  head: string
  /** What GitHub lists as the PR's files. */
  files: string[]
  gh: FakeGitHub
  /** Runs the gate on the PR's head as the pull_request workflow does. */
  gate(more?: Partial<RunOptions>): Promise<ActionRun>
  /** A comment posted on the PR, then the issue_comment workflow (override mode) run for it. */
  comment(body: string, login: string): Promise<ActionRun>
  /** A new commit on the PR branch, edited as `edit` says; GitHub's PR follows it. */
  push(edit: (c: Checkout) => void): string
}

export interface PullRequestOptions {
  base?: Record<string, string | null>
  fake?: Partial<FakeState>
}

/** The base commit on `main`, then the PR's head committed on `feature` after `edit`. */
export async function openPullRequest(
  edit: (c: Checkout) => void,
  opts: PullRequestOptions = {}
): Promise<PullRequest> {
  const dir = writeProject(baseFiles(opts.base))
  const base = commitAll(dir, 'base')
  git(dir, ['checkout', '-q', '-b', 'feature'])
  const checkout = checkoutOf(dir)
  edit(checkout)
  let head = commitAll(dir, 'pull request')
  const gh = await startFakeGitHub({
    repoDir: dir,
    permissions: { [APPROVER]: { permission: 'admin', role_name: 'maintain' } },
    ...opts.fake
  })
  const filesOf = (sha: string) => git(dir, ['diff', '--name-only', base, sha]).split('\n').filter(Boolean)
  gh.state.pulls.set(PR, { headSha: head, author: AUTHOR, files: filesOf(head), base: { sha: base, ref: 'main' } })
  const pr: PullRequest = {
    dir,
    base,
    get head() {
      return head
    },
    get files() {
      return gh.state.pulls.get(PR)!.files
    },
    gh,
    gate: (more = {}) =>
      runAction({ cwd: dir, apiUrl: gh.url, event: 'pull_request', payload: payload(head, base), ...more }),
    comment: (body, login) => {
      const posted = gh.addComment(PR, login, body)
      return runAction({
        cwd: dir,
        apiUrl: gh.url,
        event: 'issue_comment',
        payload: {
          action: 'created',
          issue: { number: PR, user: { login: AUTHOR }, pull_request: { url: `https://api.example/pulls/${PR}` } },
          comment: { id: posted.id, body, user: { login } }
        }
      })
    },
    push: (more) => {
      more(checkout)
      head = commitAll(dir, 'push')
      gh.state.pulls.set(PR, { ...gh.state.pulls.get(PR)!, headSha: head, files: filesOf(head) })
      return head
    }
  }
  return pr
}

function payload(head: string, base: string): unknown {
  return {
    action: 'synchronize',
    number: PR,
    pull_request: {
      number: PR,
      head: { sha: head, ref: 'feature' },
      base: { sha: base, ref: 'main' },
      user: { login: AUTHOR }
    }
  }
}

function checkoutOf(dir: string): Checkout {
  return {
    dir,
    write(files) {
      for (const [path, content] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, path)), { recursive: true })
        writeFileSync(join(dir, path), content)
      }
    },
    remove(...paths) {
      for (const path of paths) rmSync(join(dir, path), { recursive: true, force: true })
    },
    read: (path) => readFileSync(join(dir, path), 'utf8')
  }
}

/**
 * What the PR's own files decide, with no base: `evalgate run` of the bundled CLI on the checkout.
 * The attack is real when this passes (it is what the gate said before issue 8).
 */
export async function ownRulesDecision(dir: string): Promise<{ code: number | null; decision: string }> {
  const out = mkdtempSync(join(tmpdir(), 'evalgate-own-'))
  const res = await runCli(['run', '--out', out], dir)
  rmSync(join(dir, 'agent', 'ran.log'), { force: true })
  const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as { decision: string }
  return { code: res.code, decision: report.decision }
}

/** The task ids the agent ran, in order, one line per attempt (base and PR forms alike). */
export function ranIds(dir: string): string[] {
  return readFileSync(join(dir, 'agent', 'ran.log'), 'utf8')
    .trim()
    .split('\n')
    .sort()
}

/** The bot's sticky comment on the PR. */
export function botComment(gh: FakeGitHub) {
  const comment = gh.state.comments.get(PR)?.find((c) => c.user.login === 'github-actions[bot]')
  if (!comment) throw new Error('no evalgate comment on the PR')
  return comment
}

export interface ReportJson {
  decision: string
  reasons: string[]
  totals: { tasks: number; passed: number; failed: number }
  tasks: { id: string; workflow: string; status: string }[]
  tiers: { workflow: string; tier: string; total: number; passed: number; threshold: number | null }[]
  gate_changes?: {
    base: { sha: string; via: string }
    first_run?: boolean
    thresholds: { rule: string; base: unknown; pr: unknown; applied: string }[]
    tasks: {
      added: { workflow: string; id: string }[]
      removed: { workflow: string; id: string }[]
      changed: {
        workflow: string
        id: string
        fields: string[]
        diff: string[]
        pr_form?: { status: string; reasons: string[] }
      }[]
    }
    workflows: { renamed: { from: string; to: string }[]; added: string[]; removed: string[] }
    endpoints: { workflow: string; field: string; note: string }[]
  }
}

export function reportOf(dir: string): ReportJson {
  return JSON.parse(readFileSync(join(dir, 'evalgate-report', 'report.json'), 'utf8'))
}

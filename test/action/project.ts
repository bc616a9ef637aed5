// A small repository for the action tests: one workflow with a command agent (a tiny Node
// script that logs every task it ran), 5 T1 tasks that pass and 5 T2 tasks of which 2 fail
// (60% < 80%) unless AGENT_PERFECT is set. It is a real git repository whose one commit is the
// PR's base, with the same content as the PR's head (HEAD, a SHA the fake GitHub knows by name).
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { bareClone, commitAll, git } from '../helpers/commit-files.js'
import { writeProject } from '../helpers/project.js'

export const HEAD = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678'
export const NEW_HEAD = 'b2c3d4e5f60718293a4b5c6d7e8f901234567890'
export const PR = 7
export const AUTHOR = 'carol'

const agent = `import { appendFileSync } from 'node:fs'
let raw = ''
process.stdin.on('data', (d) => (raw += d))
process.stdin.on('end', () => {
  const task = JSON.parse(raw)
  appendFileSync(new URL('./ran.log', import.meta.url), task.task_id + '\\n')
  const wrong = task.input.answer === 'wrong' && !process.env.AGENT_PERFECT
  process.stdout.write(JSON.stringify({ label: wrong ? 'wrong' : 'ok' }) + '\\n')
})
`

function tasks(tier: string, count: number, wrong: number): string {
  return Array.from({ length: count }, (_, i) =>
    [
      `- id: ${tier.toLowerCase()}-${i}`,
      `  tier: ${tier}`,
      '  risk: low',
      `  input: { msg: "m${i}", answer: ${i < wrong ? 'wrong' : 'ok'} }`,
      '  expected: { label: ok }'
    ].join('\n')
  ).join('\n')
}

export const THRESHOLDS = [
  'tiers:',
  '  T1: 0.9',
  '  T2: 0.8',
  'override:',
  '  approvers: [alice, carol, acme/agent-owners]',
  '  min_permission: maintain',
  ''
].join('\n')

export function commandProject(extra: Record<string, string> = {}): string {
  const dir = writeProject({
    'thresholds.yml': THRESHOLDS,
    'golden-tasks/wf/workflow.yml': [
      'name: wf',
      'inputs: { required: [msg] }',
      'permissions:',
      '  lookup_order: { scope: read, risk: low }',
      'agent:',
      '  type: command',
      `  command: ["${process.execPath}", "../../agent/agent.mjs"]`,
      ''
    ].join('\n'),
    'golden-tasks/wf/tasks/t1.yaml': tasks('T1', 5, 0) + '\n',
    'golden-tasks/wf/tasks/t2.yaml': tasks('T2', 5, 2) + '\n',
    'agent/agent.mjs': agent,
    'docs/README.md': '# docs\n',
    ...extra
  })
  commitAll(dir, 'base')
  return dir
}

/** The PR's base commit: the last commit of the project's repository. */
export function baseOf(dir: string): string {
  return git(dir, ['rev-parse', 'HEAD'])
}

/**
 * As actions/checkout's default fetch-depth 1 leaves it: the workspace without the base commit.
 * Returns GitHub's copy of the repository (a bare clone), for the fake GitHub's `repoDir`.
 */
export function checkoutWithoutBase(dir: string): string {
  const origin = bareClone(dir)
  rmSync(join(dir, '.git'), { recursive: true, force: true })
  return origin
}

export function pullRequestPayload(
  dir: string,
  headSha = HEAD,
  opts: { number?: number; baseSha?: string | null } = {}
): unknown {
  const number = opts.number ?? PR
  const base = opts.baseSha === null ? { ref: 'main' } : { ref: 'main', sha: opts.baseSha ?? baseOf(dir) }
  return {
    action: 'synchronize',
    number,
    pull_request: { number, head: { sha: headSha, ref: 'feature' }, base, user: { login: AUTHOR } }
  }
}

export function commentPayload(opts: {
  body: string
  login: string
  action?: string
  commentId?: number
  onPullRequest?: boolean
}): unknown {
  return {
    action: opts.action ?? 'created',
    issue: {
      number: PR,
      user: { login: AUTHOR },
      ...(opts.onPullRequest === false ? {} : { pull_request: { url: `https://api.example/pulls/${PR}` } })
    },
    comment: { id: opts.commentId ?? 555, body: opts.body, user: { login: opts.login } }
  }
}

// The trust rule for custom graders (PRODUCT.md section 6), on a real git repository: a pull
// request that edits its graders to always pass is still graded by the base's graders — a
// command script (kept executable in the base's copy), a Node script and a module.
import { afterAll, describe, expect, it } from '@jest/globals'
import { chmodSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { gitCommitSource } from '../../src/base/git-source.js'
import type { CommitSource } from '../../src/model/commit-source.js'
import type { Report } from '../../src/model/types.js'
import { gitRepo } from '../helpers/git-repo.js'
import { fixtureAgentFiles, runProject } from './fixture-agent-run.js'

const NODE = JSON.stringify(process.execPath)
const WF = 'golden-tasks/shop'
const verdict = (pass: boolean, reason: string) => JSON.stringify({ pass, reasons: [reason] })

function graders(pass: boolean, who: string): Record<string, string> {
  return {
    [`${WF}/graders/check.sh`]: `#!/bin/sh\ncat >/dev/null\necho '${verdict(pass, `${who} shell grader`)}'\n`,
    [`${WF}/graders/check.mjs`]: `process.stdin.resume()\nprocess.stdin.on('end', () => console.log('${verdict(pass, `${who} node grader`)}'))\n`,
    [`${WF}/graders/module.mjs`]: `export default () => (${verdict(pass, `${who} module grader`)})\n`
  }
}

const task = (id: string, grader: string) =>
  [
    `- id: ${id}`,
    '  tier: T1',
    '  risk: low',
    '  input: { order_id: o1 }',
    '  fixtures: { lookup_order: { status: delivered } }',
    `  expected: { label: refund_approved, grader: ${grader} }`
  ].join('\n')

const TASKS = [
  task('shell', '{ command: [./graders/check.sh] }'),
  task('node', `{ command: [${NODE}, graders/check.mjs] }`),
  task('module', '{ module: graders/module.mjs }')
].join('\n')

const repos: string[] = []
afterAll(async () => {
  for (const dir of repos) await rm(dir, { recursive: true, force: true })
})

const run = (dir: string, out: string, base?: CommitSource) => runProject(dir, out, { concurrency: 2, base })

const outcomes = (report: Report) => report.tasks.map((t) => [t.id, t.status, t.reasons]).sort()

describe('custom graders on a pull request', () => {
  it("are the base's: a PR that edits them to always pass still fails", async () => {
    const repo = gitRepo({
      'thresholds.yml': 'tiers: { T1: 0.9 }\n',
      ...fixtureAgentFiles(['good.mjs', 'read-stdin.mjs']),
      [`${WF}/workflow.yml`]: [
        'name: shop',
        'permissions:',
        '  lookup_order: { scope: read, risk: low }',
        'agent:',
        '  type: command',
        `  command: [${NODE}, "../../agents/good.mjs"]`,
        ''
      ].join('\n'),
      [`${WF}/tasks.yaml`]: TASKS + '\n',
      ...graders(false, 'base')
    })
    repos.push(repo.dir)
    chmodSync(join(repo.dir, WF, 'graders/check.sh'), 0o755)
    const base = repo.commit('base')
    repo.write(graders(true, 'pr'))
    // A task the PR adds is graded by the PR's grader: the PR wrote the whole task.
    repo.write({ [`${WF}/tasks.yaml`]: TASKS + '\n' + task('added', '{ module: graders/module.mjs }') + '\n' })

    const own = await run(repo.dir, 'own')
    expect(outcomes(own).map(([id, status]) => [id, status])).toEqual([
      ['added', 'pass'],
      ['module', 'pass'],
      ['node', 'pass'],
      ['shell', 'pass']
    ])

    const source = await gitCommitSource(repo.dir, base)
    const judged = await run(repo.dir, 'out', source!)
    expect(outcomes(judged)).toEqual([
      ['added', 'pass', []],
      ['module', 'fail', ['grader: base module grader']],
      ['node', 'fail', ['grader: base node grader']],
      ['shell', 'fail', ['grader: base shell grader']]
    ])
    expect(judged.decision).toBe('fail')
  })
})

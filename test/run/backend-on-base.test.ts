// The trust rule for tools backends (PRODUCT.md section 6), on a real git repository: a pull
// request that edits its backend so that every write succeeds is still answered by the base's
// backend program, from the base's copy of its file.
import { afterAll, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { gitCommitSource } from '../../src/base/git-source.js'
import type { CommitSource } from '../../src/model/commit-source.js'
import { gitRepo } from '../helpers/git-repo.js'
import { fixtureAgentFiles, runProject } from './fixture-agent-run.js'

const NODE = JSON.stringify(process.execPath)
const WF = 'golden-tasks/shop'
const BASE_BACKEND = readFileSync(new URL('../fixtures/backends/orders.mjs', import.meta.url), 'utf8')
const REFUSAL = "if (order.status !== 'pending')"
// The PR's edit: a delivered order can be cancelled too.
const PR_BACKEND = BASE_BACKEND.replace(REFUSAL, 'if (false)')

const repos: string[] = []
afterAll(async () => {
  for (const dir of repos) await rm(dir, { recursive: true, force: true })
})

const run = (dir: string, out: string, base?: CommitSource) => runProject(dir, out, { concurrency: 1, base })

describe('a tools backend on a pull request', () => {
  it("is the base's program: a PR that edits it to accept every write is still refused", async () => {
    expect(PR_BACKEND).not.toBe(BASE_BACKEND)
    const repo = gitRepo({
      'thresholds.yml': 'tiers: { T1: 0.9 }\n',
      ...fixtureAgentFiles(['scripted.mjs', 'read-stdin.mjs', 'refund-steps.mjs']),
      [`${WF}/backend.mjs`]: BASE_BACKEND,
      [`${WF}/workflow.yml`]: [
        'name: shop',
        'permissions:',
        '  cancel_order: { scope: write, risk: medium }',
        `tools_backend: { command: [${NODE}, backend.mjs] }`,
        'agent:',
        '  type: command',
        `  command: [${NODE}, "../../agents/scripted.mjs"]`,
        ''
      ].join('\n'),
      [`${WF}/tasks.yaml`]: [
        '- id: cancel-delivered',
        '  tier: T1',
        '  risk: medium',
        '  input: { calls: [{ tool: cancel_order, args: { order_id: W2 } }] }',
        '  expected: { state: { orders: { W2: { status: cancelled } } } }',
        ''
      ].join('\n')
    })
    repos.push(repo.dir)
    const base = repo.commit('base')
    repo.write({ [`${WF}/backend.mjs`]: PR_BACKEND })

    const own = await run(repo.dir, 'own')
    expect(own.tasks.map((t) => t.status)).toEqual(['pass'])

    const judged = await run(repo.dir, 'out', (await gitCommitSource(repo.dir, base))!)
    expect(judged.tasks.map((t) => t.status)).toEqual(['fail'])
    expect(judged.tasks[0].reasons.join(' ')).toContain('state.orders.W2.status')
    expect(judged.decision).toBe('fail')
  })
})

// The action writes the evidence pack of its run into its output folder (`<out>/evidence/`), so
// that the uploaded artifact carries it, and the job summary says where; a shard writes none (its
// merge does), and a pack that cannot be written costs a warning, never the gate.
import { afterEach, describe, expect, it } from '@jest/globals'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { FakeGitHub } from '../helpers/fake-github.js'
import { expectNoStackTrace, fakeWithPullRequest } from './fake-setup.js'
import { commandProject, HEAD, pullRequestPayload } from './project.js'
import { runAction, type RunOptions } from './run-action.js'
import { PAGES } from '../evidence/projects.js'

let gh: FakeGitHub | undefined
afterEach(async () => {
  await gh?.close()
  gh = undefined
})

async function gate(dir: string, more: Partial<RunOptions> = {}) {
  gh ??= await fakeWithPullRequest(dir)
  return runAction({ cwd: dir, apiUrl: gh.url, event: 'pull_request', payload: pullRequestPayload(dir), ...more })
}

describe('the evidence pack in the action', () => {
  it('is written beside the report, links to it, and the summary names it', async () => {
    const dir = commandProject()
    const run = await gate(dir)
    expectNoStackTrace(run)
    expect(run.code).toBe(1)
    const pack = join(dir, 'evalgate-report/evidence')
    const index = readFileSync(join(pack, 'index.html'), 'utf8')
    expect(index).toContain('Gate: FAIL — T2 60.0% &lt; 80%')
    expect(index).toContain('<a href="../report.html">report.html</a>')
    for (const page of PAGES)
      expect([existsSync(join(pack, `${page}.html`)), existsSync(join(pack, `${page}.md`))]).toEqual([true, true])
    expect(readFileSync(join(pack, 'trace-sample.md'), 'utf8')).toContain('#### t2-0 · T2 · low risk · fail')
    expect(run.summary).toContain(
      '**Evidence pack** for a security review: `evalgate-report/evidence/index.html` (in the artifact `evalgate-report`'
    )
    expect(gh!.latestStatus(HEAD)?.state).toBe('failure')
  })

  it('is written by the merge of a sharded run, not by its shards', async () => {
    const dir = commandProject()
    const shard = await gate(dir, { inputs: { shard: '1/2', out: 'evalgate-shards/shard-1' } })
    expect(shard.code).toBe(0)
    await gate(dir, { inputs: { shard: '2/2', out: 'evalgate-shards/shard-2' } })
    expect(existsSync(join(dir, 'evalgate-shards/shard-1/evidence'))).toBe(false)
    const merged = await gate(dir, { inputs: { mode: 'merge' } })
    expect(merged.code).toBe(1)
    expect(readFileSync(join(dir, 'evalgate-report/evidence/eval-report.md'), 'utf8')).toContain('| T2 | 3/5 | 60.0% |')
  })

  it('that cannot be written is a warning: the gate stands', async () => {
    const dir = commandProject()
    // A file where the pack's folder would go.
    mkdirSync(join(dir, 'evalgate-report'))
    writeFileSync(join(dir, 'evalgate-report/evidence'), 'not a folder')
    const run = await gate(dir)
    expectNoStackTrace(run)
    expect(run.code).toBe(1)
    expect(run.outputs.decision).toBe('fail')
    expect(run.stdout).toContain('::warning::evalgate: no evidence pack written:')
    expect(run.summary).not.toContain('Evidence pack')
    expect(gh!.latestStatus(HEAD)?.state).toBe('failure')
  })
})

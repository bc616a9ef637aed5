// The base commit cannot be read through the API (the checkout has no history): the gate is
// `error` with the reason, never a run on the PR's own rules — even when that run would pass.
import { afterEach, describe, expect, it } from '@jest/globals'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { rateLimited, type FakeGitHub } from '../helpers/fake-github.js'
import { errorLines, expectNoStackTrace, fakeWithPullRequest } from './fake-setup.js'
import { checkoutWithoutBase, commandProject, HEAD, pullRequestPayload } from './project.js'
import { runAction } from './run-action.js'

let gh: FakeGitHub | undefined
afterEach(async () => {
  await gh?.close()
  gh = undefined
})

const TREES = /\/git\/trees\//
const MISSING = 'e'.repeat(40)

const faults: { name: string; arrange: (gh: FakeGitHub) => void; baseSha?: string; reason: RegExp }[] = [
  {
    name: 'a base commit GitHub does not have (404)',
    arrange: () => {},
    baseSha: MISSING,
    reason: /not found \(HTTP 404/
  },
  {
    name: '403',
    arrange: (gh) => gh.state.failures.push({ method: 'GET', path: TREES, status: 403 }),
    reason: /access refused \(HTTP 403/
  },
  {
    name: '500',
    arrange: (gh) => gh.state.failures.push({ method: 'GET', path: TREES, status: 500 }),
    reason: /GitHub failed \(HTTP 500/
  },
  {
    name: 'a rate-limited 403',
    arrange: (gh) => gh.state.failures.push(rateLimited('GET', TREES)),
    reason: /rate limited by GitHub \(HTTP 403/
  },
  {
    name: 'a truncated tree',
    arrange: (gh) => (gh.state.truncateTrees = true),
    reason: /the base tree is too large for the API/
  }
]

describe('base unreadable in gate mode', () => {
  for (const { name, arrange, baseSha, reason } of faults)
    it(`${name}: status error naming the reason, never success`, async () => {
      const dir = commandProject()
      const origin = checkoutWithoutBase(dir)
      gh = await fakeWithPullRequest(dir, ['agent/agent.mjs'], { repoDir: origin })
      arrange(gh)
      const run = await runAction({
        cwd: dir,
        apiUrl: gh.url,
        event: 'pull_request',
        payload: pullRequestPayload(dir, HEAD, { baseSha: baseSha ?? gh.state.pulls.get(7)!.base!.sha }),
        // The PR's own run would pass: only the base decides that it may not.
        env: { AGENT_PERFECT: '1' }
      })
      expectNoStackTrace(run)
      expect(run.code).toBe(1)
      expect(run.outputs.decision).toBe('error')
      const status = gh.latestStatus(HEAD)!
      expect(status.state).toBe('error')
      expect(status.description).toMatch(/^error: base commit \w{7}: cannot be read through the GitHub API: /)
      expect(status.description).toMatch(reason)
      expect(gh.state.statuses.get(HEAD)!.some((s) => s.state === 'success')).toBe(false)
      expect(errorLines(run).join('\n')).toMatch(reason)
      expect(existsSync(join(dir, 'agent', 'ran.log'))).toBe(false)
    })
})

// A GitHub API that cannot be reached (a name that does not resolve, a refused connection) is
// said to be unreachable, with the host and the system's reason: not "GitHub had an internal error".
import { describe, expect, it } from '@jest/globals'
import { createClient, GitHubApiError, request } from '../../src/github/client.js'
import { retryBudget, type RetryBudget } from '../../src/github/retry.js'
import { closedPort } from '../helpers/ports.js'

function recordingBudget(seconds: number): RetryBudget & { waits: number[] } {
  const waits: number[] = []
  return {
    ...retryBudget({ EVALGATE_GITHUB_MAX_WAIT_S: String(seconds) }),
    sleep: async (ms) => void waits.push(ms),
    log: () => {},
    waits
  }
}

async function readRepository(baseUrl: string, budget: RetryBudget): Promise<GitHubApiError> {
  const { octokit } = createClient('ghs_token_for_nothing_0123', 'acme/shop')
  try {
    await request(
      'read the repository',
      'contents: read',
      () => octokit.request('GET /repos/{owner}/{repo}', { baseUrl, owner: 'acme', repo: 'shop' }),
      budget
    )
  } catch (err) {
    return err as GitHubApiError
  }
  throw new Error('expected a failure')
}

describe('GitHub API out of reach', () => {
  it('a host that does not resolve: could not reach it (ENOTFOUND)', async () => {
    const err = await readRepository('http://evalgate-no-such-host.invalid', recordingBudget(0))
    expect(err).toBeInstanceOf(GitHubApiError)
    expect(err.fault).toBe('network')
    expect(err.message).toMatch(
      /^GitHub API: could not read the repository: could not reach evalgate-no-such-host\.invalid \(getaddrinfo (ENOTFOUND|EAI_AGAIN) evalgate-no-such-host\.invalid\); not retried/
    )
    expect(err.message).not.toContain('internal error')
  })

  it('a refused connection: could not reach it (ECONNREFUSED), tried again as a passing fault may be', async () => {
    const port = await closedPort()
    const budget = recordingBudget(5)
    const err = await readRepository(`http://127.0.0.1:${port}`, budget)
    expect(err.message).toMatch(
      new RegExp(
        `^GitHub API: could not read the repository: could not reach 127\\.0\\.0\\.1:${port} \\(connect ECONNREFUSED 127\\.0\\.0\\.1:${port}\\); tried 3 times`
      )
    )
    expect(budget.waits).toEqual([1000, 2000])
  })
})

// request(): which failures are tried again, how long it waits, and when it gives up.
import { describe, expect, it } from '@jest/globals'
import { GitHubApiError, request } from '../../src/github/client.js'
import { MAX_TRIES, retryBudget, type RetryBudget } from '../../src/github/retry.js'

const NOW = Date.UTC(2030, 0, 1, 10, 0, 0)

/** A budget of `seconds` whose sleeps are recorded, not slept. */
function budget(seconds: number): RetryBudget & { waits: number[]; lines: string[] } {
  const waits: number[] = []
  const lines: string[] = []
  return {
    maxWaitMs: seconds * 1000,
    leftMs: seconds * 1000,
    sleep: async (ms) => void waits.push(ms),
    now: () => NOW,
    log: (line) => void lines.push(line),
    waits,
    lines
  }
}

/** An Octokit RequestError as @octokit/request throws it. */
function httpError(status: number, headers: Record<string, string> = {}, message = `HTTP ${status}`): Error {
  return Object.assign(new Error(message), { status, response: { headers } })
}

/** A call failing with `errors` in turn, then answering 'ok'. */
function failing(...errors: Error[]) {
  let calls = 0
  const call = async () => {
    const err = errors[calls++]
    if (err) throw err
    return 'ok'
  }
  return { call, calls: () => calls }
}

async function failure(promise: Promise<unknown>): Promise<GitHubApiError> {
  try {
    await promise
  } catch (err) {
    return err as GitHubApiError
  }
  throw new Error('expected a failure')
}

describe('request: retries', () => {
  it('a 429 with Retry-After waits that long, then succeeds', async () => {
    const b = budget(60)
    const f = failing(httpError(429, { 'retry-after': '3' }))
    expect(await request('read x', 'contents: read', f.call, b)).toBe('ok')
    expect(b.waits).toEqual([3000])
    expect(b.leftMs).toBe(57_000)
    expect(b.lines).toEqual(['GitHub API: could not read x (HTTP 429: HTTP 429); trying again in 3 s'])
  })

  it('a spent primary limit (403, nothing remaining) waits until x-ratelimit-reset, and a second more', async () => {
    const b = budget(60)
    const reset = String(NOW / 1000 + 20)
    const f = failing(httpError(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset }))
    expect(await request('read x', 'contents: read', f.call, b)).toBe('ok')
    expect(b.waits).toEqual([21_000])
  })

  it('a 500 backs off exponentially', async () => {
    const b = budget(60)
    const f = failing(httpError(500), httpError(502), httpError(503))
    expect(await request('read x', 'contents: read', f.call, b)).toBe('ok')
    expect(b.waits).toEqual([1000, 2000, 4000])
  })

  it(`gives up after ${MAX_TRIES} tries, saying how many`, async () => {
    const b = budget(600)
    const f = failing(...Array.from({ length: 10 }, () => httpError(500)))
    const err = await failure(request('read x', 'contents: read', f.call, b))
    expect(f.calls()).toBe(MAX_TRIES)
    expect(err).toBeInstanceOf(GitHubApiError)
    expect(err.message).toMatch(/^GitHub API: could not read x \(HTTP 500: HTTP 500\): GitHub had an internal error/)
    expect(err.message).toMatch(/; tried 6 times over 31 s$/)
  })

  it('does not wait past the budget: a reset 10 minutes away fails at once, with when to try again', async () => {
    const b = budget(60)
    const reset = String(NOW / 1000 + 600)
    const f = failing(
      httpError(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset }, 'API rate limit exceeded')
    )
    const err = await failure(request('list the files', 'pull-requests: read', f.call, b))
    expect(f.calls()).toBe(1)
    expect(b.waits).toEqual([])
    expect(err.fault).toBe('rate-limited')
    expect(err.message).toContain('rate limited by GitHub (the limit resets at 2030-01-01T10:10:00.000Z)')
    expect(err.message).toContain(
      'not retried: the next try was 601 s away, more than is left of the 60 s evalgate waits for GitHub in a run (EVALGATE_GITHUB_MAX_WAIT_S)'
    )
  })

  it('shares one budget between calls', async () => {
    const b = budget(5)
    expect(await request('a', 'p', failing(httpError(429, { 'retry-after': '4' })).call, b)).toBe('ok')
    const err = await failure(request('b', 'p', failing(httpError(429, { 'retry-after': '4' })).call, b))
    expect(err.message).toMatch(/not retried: the next try was 4 s away, more than is left of the 5 s/)
  })

  it('never retries a refusal, a missing permission or our own error', async () => {
    for (const err of [httpError(403), httpError(404), httpError(422), httpError(401)]) {
      const b = budget(60)
      const f = failing(err)
      await failure(request('x', 'p', f.call, b))
      expect(f.calls()).toBe(1)
      expect(b.waits).toEqual([])
    }
    const own = failing(new GitHubApiError('GitHub API: unexpected answer'))
    expect((await failure(request('x', 'p', own.call, budget(60)))).message).toBe('GitHub API: unexpected answer')
    expect(own.calls()).toBe(1)
  })

  it('with the budget at 0, nothing is retried', async () => {
    const f = failing(httpError(429, { 'retry-after': '1' }))
    const err = await failure(request('x', 'p', f.call, budget(0)))
    expect(err.message).toMatch(/not retried \(EVALGATE_GITHUB_MAX_WAIT_S is 0\)$/)
  })
})

describe('retryBudget', () => {
  it('reads EVALGATE_GITHUB_MAX_WAIT_S, default 60 s', () => {
    expect(retryBudget({}).maxWaitMs).toBe(60_000)
    expect(retryBudget({ EVALGATE_GITHUB_MAX_WAIT_S: '2.5' }).maxWaitMs).toBe(2500)
    expect(retryBudget({ EVALGATE_GITHUB_MAX_WAIT_S: '0' }).maxWaitMs).toBe(0)
    expect(retryBudget({ EVALGATE_GITHUB_MAX_WAIT_S: 'soon' }).maxWaitMs).toBe(60_000)
    expect(retryBudget({ EVALGATE_GITHUB_MAX_WAIT_S: '-1' }).maxWaitMs).toBe(60_000)
  })
})

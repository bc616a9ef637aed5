// The one place that creates the REST client. Every GitHub call goes through `request`, which tries
// a rate-limited or failing call again (bounded) and turns an HTTP failure into a GitHubApiError
// whose message says what failed and what to do about it.
import * as github from '@actions/github'
import * as z from 'zod'
import { errnoCause } from '../http/network-failure.js'
import { gaveUp, MAX_TRIES, processBudget, waitBefore, type FailureFacts, type RetryBudget } from './retry.js'
import { scrubValue } from '../util/secrets.js'

export type Octokit = ReturnType<typeof github.getOctokit>

export interface GitHubClient {
  octokit: Octokit
  owner: string
  repo: string
}

/** `owner/name`; the REST base URL comes from GITHUB_API_URL (GitHub Enterprise Server too). */
export function createClient(token: string, repository: string): GitHubClient {
  const [owner, repo] = repository.split('/')
  if (!owner || !repo) throw new GitHubApiError(`GITHUB_REPOSITORY is not "owner/name": "${repository}"`)
  const octokit = github.getOctokit(token)
  octokit.hook.before('request', scrubRequest)
  return { octokit, owner, repo }
}

/** Nothing sent to GitHub (comment bodies, status descriptions, replies) holds a secret. */
function scrubRequest(options: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(options)) {
    if (key === 'headers' || key === 'request' || key === 'baseUrl' || key === 'url' || key === 'method') continue
    options[key] = scrubValue(value)
  }
}

export class GitHubApiError extends Error {
  readonly status?: number
  readonly fault?: Fault
  /** For a rate limit: when to try again ("the limit resets at ..."). */
  readonly retryWhen?: string
  constructor(message: string, status?: number, fault?: Fault, retryWhen?: string) {
    super(message)
    this.name = 'GitHubApiError'
    this.status = status
    this.fault = fault
    this.retryWhen = retryWhen
  }
}

/** The HTTP status of an Octokit request error, if `err` is one. */
export function httpStatus(err: unknown): number | undefined {
  const status = (err as { status?: unknown } | null)?.status
  return typeof status === 'number' ? status : undefined
}

/** What kind of failure an API error is; `rate-limited` is told apart from a missing permission. */
export type Fault = 'rate-limited' | 'unauthorized' | 'forbidden' | 'not-found' | 'server' | 'refused' | 'network'

export function classifyFailure(err: unknown): Fault {
  const status = httpStatus(err)
  if (status === undefined || status === 0 || unreached(err)) return 'network'
  const limited = rateLimitHeaders(err).limited || /rate limit/i.test((err as Error)?.message ?? '')
  if (status === 429 || (status === 403 && limited)) return 'rate-limited'
  if (status === 401) return 'unauthorized'
  if (status === 403) return 'forbidden'
  if (status === 404) return 'not-found'
  if (status >= 500) return 'server'
  return 'refused'
}

/**
 * GitHub answers a spent primary limit with 403 (or 429) and `x-ratelimit-remaining: 0`, a secondary
 * limit with `retry-after` or a message naming it.
 */
function rateLimitHeaders(err: unknown): {
  limited: boolean
  remaining?: number
  reset?: number
  retryAfter?: number
} {
  const headers = (err as { response?: { headers?: Record<string, unknown> } } | null)?.response?.headers ?? {}
  const number = (name: string) => {
    const n = Number(headers[name])
    return headers[name] !== undefined && Number.isFinite(n) ? n : undefined
  }
  const remaining = number('x-ratelimit-remaining')
  const retryAfter = number('retry-after')
  return {
    limited: remaining === 0 || retryAfter !== undefined,
    remaining,
    reset: number('x-ratelimit-reset'),
    retryAfter
  }
}

/**
 * "could not reach api.github.com (getaddrinfo ENOTFOUND api.github.com)" when the request got no
 * answer: @octokit/request reports a connection failure as an HTTP 500 without a response.
 */
function unreached(err: unknown): string | undefined {
  const { status, response, request } = (err ?? {}) as {
    status?: unknown
    response?: unknown
    request?: { url?: unknown }
  }
  if (response !== undefined || (status !== undefined && status !== 500)) return undefined
  const cause = errnoCause(err)
  if (cause?.code === undefined) return undefined
  return `could not reach ${hostOf(request?.url) ?? 'GitHub'} (${cause.message})`
}

function hostOf(url: unknown): string | undefined {
  try {
    return typeof url === 'string' ? new URL(url).host : undefined
  } catch {
    return undefined
  }
}

function failureFacts(err: unknown): FailureFacts {
  const fault = classifyFailure(err)
  // A connection failure may pass (a DNS hiccup, a reset): it is tried again as a 5xx is.
  const retryable = fault === 'rate-limited' || fault === 'server' ? fault : unreached(err) ? 'server' : undefined
  const { reset, retryAfter, remaining } = rateLimitHeaders(err)
  return {
    retryable,
    ...(retryAfter !== undefined ? { retryAfterS: retryAfter } : {}),
    ...(reset !== undefined && remaining === 0 ? { resetAtS: reset } : {})
  }
}

/**
 * Runs one API call. `what` names it ("create the commit status"), `permission` the token
 * permission it needs ("statuses: write"), for the message when it fails. A rate limit or a 5xx
 * is tried again after the wait GitHub asks for (else with backoff), within the run's budget
 * (src/github/retry.ts); a paginated call starts again from its first page.
 */
export async function request<T>(
  what: string,
  permission: string,
  call: () => Promise<T>,
  budget: RetryBudget = processBudget()
): Promise<T> {
  let waited = 0
  for (let tries = 1; ; tries++) {
    try {
      return await call()
    } catch (err) {
      if (err instanceof GitHubApiError) throw err
      const wait = waitBefore(failureFacts(err), tries, budget.now())
      if (wait === undefined || tries >= MAX_TRIES || wait > budget.leftMs)
        throw apiError(what, permission, err, gaveUp(budget, tries, waited, wait))
      budget.leftMs -= wait
      waited += wait
      budget.log(`GitHub API: could not ${what} (${firstLine(describe(err))}); trying again in ${wait / 1000} s`)
      await budget.sleep(wait)
    }
  }
}

function describe(err: unknown): string {
  const unreachable = unreached(err)
  if (unreachable) return unreachable
  const status = httpStatus(err)
  const message = (err as Error)?.message ?? String(err)
  return status === undefined ? message : `HTTP ${status}: ${message}`
}

function apiError(what: string, permission: string, err: unknown, tries = ''): GitHubApiError {
  const status = httpStatus(err)
  const detail = firstLine((err as Error)?.message ?? String(err))
  const fault = classifyFailure(err)
  if (status === undefined) return new GitHubApiError(`GitHub API: could not ${what}: ${detail}`, undefined, 'network')
  const unreachable = unreached(err)
  if (unreachable)
    return new GitHubApiError(
      `GitHub API: could not ${what}: ${unreachable}${tries ? `; ${tries}` : ''}`,
      undefined,
      'network'
    )
  const retryWhen = fault === 'rate-limited' ? rateLimitRetry(err) : undefined
  const hints: Record<Fault, string> = {
    'rate-limited': `rate limited by GitHub (${retryWhen})`,
    unauthorized: 'the github-token is invalid or expired',
    forbidden: `the github-token lacks a permission (the workflow needs \`permissions: ${permission}\`)`,
    'not-found': `not found, or the github-token cannot see it (it needs \`${permission}\`)`,
    server: 'GitHub had an internal error; re-run the job',
    refused: 'the request was refused',
    network: 'the request did not reach GitHub'
  }
  return new GitHubApiError(
    `GitHub API: could not ${what} (HTTP ${status}: ${detail}): ${hints[fault]}${tries ? `; ${tries}` : ''}`,
    status,
    fault,
    retryWhen
  )
}

function rateLimitRetry(err: unknown): string {
  const { reset, retryAfter } = rateLimitHeaders(err)
  if (retryAfter !== undefined) return `retry after ${retryAfter} s`
  if (reset !== undefined) return `the limit resets at ${new Date(reset * 1000).toISOString()}`
  return 're-run the job later'
}

function firstLine(text: string): string {
  return text.split('\n')[0].replace(/ - https:\/\/docs\.github\.com\S*$/, '')
}

/** Validates an API answer we rely on; a shape we do not expect is an error, never a guess. */
export function parseAnswer<S extends z.ZodType>(what: string, schema: S, data: unknown): z.output<S> {
  const parsed = schema.safeParse(data)
  if (!parsed.success)
    throw new GitHubApiError(
      `GitHub API: unexpected answer to ${what}: ${z.prettifyError(parsed.error).split('\n')[0]}`
    )
  return parsed.data
}

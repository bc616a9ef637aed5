// The one place that creates the REST client. Every GitHub call goes through `request`, which turns
// an HTTP failure into a GitHubApiError whose message says what failed and what to do about it.
import * as github from '@actions/github'
import * as z from 'zod'
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
  if (status === undefined || status === 0) return 'network'
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
 * limit with `retry-after` or a message naming it. Retrying with backoff belongs here once it is added.
 */
function rateLimitHeaders(err: unknown): { limited: boolean; reset?: number; retryAfter?: number } {
  const headers = (err as { response?: { headers?: Record<string, unknown> } } | null)?.response?.headers ?? {}
  const number = (name: string) => {
    const n = Number(headers[name])
    return headers[name] !== undefined && Number.isFinite(n) ? n : undefined
  }
  const remaining = number('x-ratelimit-remaining')
  const retryAfter = number('retry-after')
  return { limited: remaining === 0 || retryAfter !== undefined, reset: number('x-ratelimit-reset'), retryAfter }
}

/**
 * Runs one API call. `what` names it ("create the commit status"), `permission` the token
 * permission it needs ("statuses: write"), for the message when it fails.
 */
export async function request<T>(what: string, permission: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call()
  } catch (err) {
    if (err instanceof GitHubApiError) throw err
    throw apiError(what, permission, err)
  }
}

function apiError(what: string, permission: string, err: unknown): GitHubApiError {
  const status = httpStatus(err)
  const detail = firstLine((err as Error)?.message ?? String(err))
  const fault = classifyFailure(err)
  if (status === undefined) return new GitHubApiError(`GitHub API: could not ${what}: ${detail}`, undefined, 'network')
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
    `GitHub API: could not ${what} (HTTP ${status}: ${detail}): ${hints[fault]}`,
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

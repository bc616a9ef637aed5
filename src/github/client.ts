// The one place that creates the REST client. Every GitHub call goes through `request`, which turns
// an HTTP failure into a GitHubApiError whose message says what failed and what to do about it.
import * as github from '@actions/github'
import * as z from 'zod'

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
  return { octokit: github.getOctokit(token), owner, repo }
}

export class GitHubApiError extends Error {
  readonly status?: number
  constructor(message: string, status?: number) {
    super(message)
    this.name = 'GitHubApiError'
    this.status = status
  }
}

/** The HTTP status of an Octokit request error, if `err` is one. */
export function httpStatus(err: unknown): number | undefined {
  const status = (err as { status?: unknown } | null)?.status
  return typeof status === 'number' ? status : undefined
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
  if (status === undefined) return new GitHubApiError(`GitHub API: could not ${what}: ${detail}`)
  const hint =
    status === 401
      ? 'the github-token is invalid or expired'
      : status === 403
        ? `the github-token lacks a permission (the workflow needs \`permissions: ${permission}\`), or a rate limit was hit`
        : status === 404
          ? `not found, or the github-token cannot see it (it needs \`${permission}\`)`
          : status >= 500
            ? 'GitHub had an internal error; re-run the job'
            : 'the request was refused'
  return new GitHubApiError(`GitHub API: could not ${what} (HTTP ${status}: ${detail}): ${hint}`, status)
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

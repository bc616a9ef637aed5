// Shared set-up of the action tests: a fake GitHub with one open PR, and request filters.
import { startFakeGitHub, type FakeGitHub, type FakeState, type RecordedRequest } from '../helpers/fake-github.js'
import { AUTHOR, baseOf, HEAD, PR } from './project.js'
import type { ActionRun } from './run-action.js'

/**
 * The fake GitHub serving `dir`'s repository (or `init.repoDir`), with PR 7 from HEAD onto the
 * repository's last commit.
 */
export async function fakeWithPullRequest(
  dir: string,
  files: string[] = ['agent/agent.mjs'],
  init: Partial<FakeState> = {}
): Promise<FakeGitHub> {
  const gh = await startFakeGitHub({ repoDir: dir, ...init })
  gh.state.pulls.set(PR, {
    headSha: HEAD,
    author: AUTHOR,
    files,
    base: { sha: baseOf(gh.state.repoDir!), ref: 'main' }
  })
  return gh
}

/** A push to the PR: a new head, the same base. */
export function pushTo(gh: FakeGitHub, headSha: string, files?: string[]): void {
  const pull = gh.state.pulls.get(PR)!
  gh.state.pulls.set(PR, { ...pull, headSha, files: files ?? pull.files })
}

export const isStatusPost = (r: RecordedRequest) => r.method === 'POST' && r.path.includes('/statuses/')
export const isCommentPost = (r: RecordedRequest) => r.method === 'POST' && /\/issues\/\d+\/comments$/.test(r.path)
export const isCommentPatch = (r: RecordedRequest) => r.method === 'PATCH' && r.path.includes('/issues/comments/')
export const isReaction = (r: RecordedRequest) => r.path.endsWith('/reactions')

export function bodyOf(r: RecordedRequest): string {
  return (r.body as { body: string }).body
}

/** The step output shows no stack trace: errors reach the user as one clear message. */
export function expectNoStackTrace(run: ActionRun): void {
  const output = run.stdout + run.stderr
  if (/\n\s+at \S+ \(|\n\s+at file:|\n\s+at node:/.test(output))
    throw new Error(`stack trace in the output:\n${output}`)
}

/** The `::error::` lines of the step (setFailed and annotations), decoded. */
export function errorLines(run: ActionRun): string[] {
  return run.stdout
    .split('\n')
    .filter((l) => l.startsWith('::error'))
    .map((l) => decodeURIComponent(l))
}

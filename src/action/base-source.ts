// The pull request's base commit, from which the gate's rules and golden tasks come (PRODUCT.md 6).
import type { CommitSource } from '../model/commit-source.js'
import type { GitHubClient } from '../github/client.js'
import { GitHubCommitSource } from '../github/trees.js'
import { gitCommitSource } from '../base/git-source.js'
import { InputError } from '../util/problems.js'
import { workspaceRoot } from './workspace.js'
import { pullRequestOf, type RunContext } from './event.js'

/**
 * The base of the event's PR: the checkout when it holds that commit, else the GitHub API.
 * Undefined for an event without a PR (workflow_dispatch, push): that commit's own rules apply.
 * A PR event without `pull_request.base.sha` is an InputError: never a run on the PR's own rules.
 */
export async function baseSourceFor(ctx: RunContext, client: GitHubClient): Promise<CommitSource | undefined> {
  const pr = pullRequestOf(ctx)
  // A pull_request payload that does not parse must not pass for an event without a base.
  if (!pr && ctx.eventName.startsWith('pull_request'))
    throw new InputError(`the ${ctx.eventName} event has no valid pull_request in its payload; the gate is not decided`)
  if (!pr) return undefined
  if (!pr.baseSha)
    throw new InputError(
      `the ${ctx.eventName} event has no pull_request.base.sha, so the rules of the base commit cannot be read and the gate is not decided`
    )
  // The checkout has the commit with fetch-depth 0 (or a fetch of the base): git is faster and has no rate limit.
  const local = await gitCommitSource(workspaceRoot(), pr.baseSha)
  if (local) return local
  return new GitHubCommitSource(client, pr.baseSha)
}

/** What the summary says when there is no base to judge the run as on. */
export function noBaseNote(eventName: string): string {
  return `no base commit (${eventName}): this commit's own rules and golden tasks apply`
}

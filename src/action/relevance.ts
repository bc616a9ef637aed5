// Does this PR change the agent? Its files (from the API) against the agent paths.
import type { CommitSource } from '../base/source.js'
import type { GitHubClient } from '../github/client.js'
import { listPullRequestFiles } from '../github/pulls.js'
import { defaultAgentGlobs } from './agent-paths.js'
import { agentChanges } from './changes.js'
import type { ActionInputs } from './inputs.js'

export interface Changes {
  /** Changed files that match the agent paths. */
  matched: string[]
  changedCount: number
  globs: string[]
}

/**
 * `base`: the PR's base commit. TODO(merge i8-authority): the default agent paths become the union
 * of the PR's and the base's manifests; pass `base` to defaultAgentGlobs then.
 */
export async function relevantChanges(
  client: GitHubClient,
  pr: number,
  inputs: ActionInputs,
  base?: CommitSource
): Promise<Changes> {
  const root = process.env.GITHUB_WORKSPACE || process.cwd()
  const globs =
    inputs.agentPaths.length > 0 ? inputs.agentPaths : await defaultAgentGlobs(inputs.tasks, inputs.thresholds, root)
  const { files, complete } = await listPullRequestFiles(client, pr)
  // GitHub lists at most 3,000 files: beyond that, run the gate rather than guess.
  const matched = complete ? agentChanges(files, globs) : files
  return { matched, changedCount: files.length, globs }
}

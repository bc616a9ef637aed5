// Where the action writes its outcome: the GitHub clients, the commit and the pull request.
import { createClient, type GitHubClient } from '../github/client.js'
import { pullRequestOf, type RunContext } from './event.js'
import type { ActionInputs } from './inputs.js'

export interface Target {
  client: GitHubClient
  /** Reads org team membership of override approvers (the teams-token input). */
  teamsClient: GitHubClient
  /** The commit the status is set on: the PR's head, else the run's commit. */
  sha: string
  pr?: number
  prAuthor?: string
  /** The PR's base commit, whose override rules re-verify an override. */
  baseSha?: string
  /** The thresholds input, workspace-relative. */
  thresholdsFile: string
  context: string
  runUrl?: string
  /** Create or update the PR comment. */
  comment: boolean
  /** The report folder's artifact name, linked from the PR comment. */
  artifactName: string
}

export function targetOf(inputs: ActionInputs, ctx: RunContext): Target {
  const pr = pullRequestOf(ctx)
  const client = createClient(inputs.token, ctx.repository)
  return {
    client,
    teamsClient: inputs.teamsToken === inputs.token ? client : createClient(inputs.teamsToken, ctx.repository),
    sha: pr?.headSha ?? ctx.sha,
    pr: pr?.number,
    prAuthor: pr?.author,
    baseSha: pr?.baseSha,
    thresholdsFile: inputs.thresholds,
    context: inputs.statusContext,
    runUrl: ctx.runUrl,
    comment: inputs.comment,
    artifactName: inputs.artifactName
  }
}

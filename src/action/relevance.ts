// Does this PR change the agent? Its files (from the API) against the agent paths.
import type { GitHubClient } from '../github/client.js'
import { listPullRequestFiles } from '../github/pulls.js'
import { defaultAgentGlobs, type AgentPaths } from './agent-paths.js'
import { agentChanges } from './changes.js'
import type { ActionInputs } from './inputs.js'
import { workspaceRoot } from './workspace.js'

export interface Changes {
  /** Whether the gate runs: an agent path changed, or an http agent makes every PR count. */
  run: boolean
  /** Changed files that match the agent paths. */
  matched: string[]
  changedCount: number
  /** The rules that decided; from the `agent-paths` input when `fromInput`. */
  paths: AgentPaths
  fromInput: boolean
}

export async function relevantChanges(client: GitHubClient, pr: number, inputs: ActionInputs): Promise<Changes> {
  const fromInput = inputs.agentPaths.length > 0
  const paths: AgentPaths = fromInput
    ? { rules: inputs.agentPaths.map((glob) => ({ glob, reasons: ['the agent-paths input'] })), alwaysRun: [] }
    : await defaultAgentGlobs([{ root: workspaceRoot(), tasksDir: inputs.tasks, thresholdsFile: inputs.thresholds }])
  const { files, complete } = await listPullRequestFiles(client, pr)
  // GitHub lists at most 3,000 files: beyond that, run the gate rather than guess.
  const matched = complete
    ? agentChanges(
        files,
        paths.rules.map((r) => r.glob)
      )
    : files
  return {
    run: matched.length > 0 || paths.alwaysRun.length > 0,
    matched,
    changedCount: files.length,
    paths,
    fromInput
  }
}

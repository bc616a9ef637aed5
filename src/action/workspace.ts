import { findRepoRoot } from '../load/repo-root.js'

/** The repository the action runs on: GITHUB_WORKSPACE (where actions/checkout puts it), else found from the cwd. */
export function workspaceRoot(): string {
  return process.env.GITHUB_WORKSPACE || findRepoRoot()
}

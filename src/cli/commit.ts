import { execFileSync } from 'node:child_process'

/** The commit under test: the runner's GITHUB_SHA, else the checkout's HEAD, else unknown. */
export function detectCommit(): string | undefined {
  if (process.env.GITHUB_SHA) return process.env.GITHUB_SHA
  try {
    return (
      execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() ||
      undefined
    )
  } catch {
    return undefined
  }
}

// Whether a PR's changed files touch the agent. Pure.
import picomatch from 'picomatch'

/** The changed files that match any of the globs (repository-relative, `/`-separated). */
export function agentChanges(changedFiles: string[], globs: string[]): string[] {
  if (globs.length === 0) return []
  const matches = picomatch(globs, { dot: true })
  return changedFiles.filter((file) => matches(file))
}

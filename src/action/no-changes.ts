// The job summary of a PR the gate skipped: which agent paths were checked, and why each one.
import type { Changes } from './relevance.js'

export function noChangesSummary(changes: Changes): string {
  const source = changes.fromInput
    ? 'the `agent-paths` input'
    : 'the defaults from the manifests; set the `agent-paths` input to replace them'
  return [
    `**evalgate: no agent changes** — none of the ${changes.changedCount} changed files matches the agent paths, so the gate was not run.`,
    '',
    `Agent paths (${source}):`,
    '',
    ...changes.paths.rules.map((r) => `- \`${r.glob}\` — ${r.reasons.join('; ')}`),
    '',
    changes.fromInput
      ? 'An http agent would not have forced a run: the `agent-paths` input decides alone.'
      : 'No workflow has an http agent (its code cannot be seen, so it would run the gate on every PR).',
    ''
  ].join('\n')
}

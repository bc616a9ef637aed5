// versioning.require_bump on a pull request: set on the base, it stays on, as a PR must not turn
// off the rule that its own prompt, policy or tool change needs a new version. A PR may turn it on.
import type { Workflow } from '../model/types.js'

export function stricterVersioning(
  base: Workflow,
  pr: Workflow
): { versioning?: Workflow['versioning']; note?: string } {
  if (base.versioning?.require_bump !== true || pr.versioning?.require_bump === true) return {}
  return {
    versioning: { require_bump: true },
    note: "versioning.require_bump was turned off in this PR: the base's rule still applies until it merges"
  }
}

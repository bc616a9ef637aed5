// workflow.yml's shared fixtures on a pull request: golden-set data, like the tasks that inherit
// them, so the base's apply until the change merges (PRODUCT.md section 6).
import { canonicalJson } from '../llm/canonical-json.js'
import type { Workflow } from '../model/types.js'

export function fixturesAsOnBase(base: Workflow, pr: Workflow): { fixtures?: Workflow['fixtures']; note?: string } {
  const same = canonicalJson(base.fixtures ?? {}) === canonicalJson(pr.fixtures ?? {})
  const fixtures = base.fixtures ? { fixtures: base.fixtures } : {}
  return same
    ? fixtures
    : { ...fixtures, note: "the shared fixtures changed in this PR: the base's apply until it merges" }
}

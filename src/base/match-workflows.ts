// Which base workflow each PR workflow is: the same name, else the same manifest path (a rename:
// the PR's name is shown, the base name's rules and golden tasks apply).
import type { Workflow } from '../model/types.js'
import type { Renamed } from './stricter-thresholds.js'

export interface WorkflowPair {
  pr: Workflow
  /** Absent for a workflow new in the PR. */
  base?: Workflow
}

export interface MatchedWorkflows {
  pairs: WorkflowPair[]
  renamed: Renamed[]
  added: string[]
  /** Base workflows the PR no longer has. */
  removed: Workflow[]
}

/** `manifestPath` gives the repository-relative manifest path of a workflow of either side. */
export function matchWorkflows(
  pr: readonly Workflow[],
  base: readonly Workflow[],
  manifestPath: { pr(w: Workflow): string; base(w: Workflow): string | undefined }
): MatchedWorkflows {
  const unmatched = new Set(base)
  const take = (found: Workflow | undefined) => {
    if (found) unmatched.delete(found)
    return found
  }
  const byName = pr.map((w) => ({ pr: w, base: take(base.find((b) => b.name === w.name)) }))
  const pairs = byName.map((pair) => {
    if (pair.base) return pair
    const path = manifestPath.pr(pair.pr)
    return { pr: pair.pr, base: take([...unmatched].find((b) => manifestPath.base(b) === path)) }
  })
  return {
    pairs: pairs.map((p) => (p.base ? { pr: p.pr, base: p.base } : { pr: p.pr })),
    renamed: pairs
      .filter((p) => p.base && p.base.name !== p.pr.name)
      .map((p) => ({ from: p.base!.name, to: p.pr.name })),
    added: pairs.filter((p) => !p.base).map((p) => p.pr.name),
    removed: base.filter((b) => unmatched.has(b))
  }
}

// The rules a merge decides by, read as a run reads them: from the thresholds file the merge is
// given, on a pull request the stricter of the base's and the PR's (judgedProject, as evaluate).
// Never the rules a shard report says it was run with: those are only checked against these.
import path from 'node:path'
import type { CommitSource } from '../model/commit-source.js'
import { loadThresholds } from '../load/index.js'
import { displayPath } from '../load/paths.js'
import { InputError } from '../util/problems.js'
import type { Phase, Thresholds } from '../model/types.js'
import type { MergeRules } from '../report/merge.js'
import { taskKey } from '../gate/task-attempts.js'
import { gateRulesOf, judgedProject } from './gate-inputs.js'
import { versionsOf } from './versions.js'
import type { ReadinessMode } from '../gate/readiness.js'
import { judgedReadiness } from './readiness.js'

/** The thresholds file alone: `evalgate merge` without --tasks or --base-ref. */
export async function rulesOfFile(thresholdsFile: string): Promise<MergeRules> {
  const { thresholds, problems } = await loadThresholds(thresholdsFile)
  const errors = problems.filter((p) => p.severity === 'error')
  if (!thresholds || errors.length > 0) throw new InputError(errors)
  // Which phase's tier rules apply depends on the workflows (their rollout.phase), which this file does not name.
  if (thresholds.phases)
    throw new InputError(
      `${label(thresholdsFile)} sets tier rules per rollout phase (phases): merge needs --tasks DIR (or --phase) to judge each workflow at its phase, as the run did`
    )
  return { gate: gateRulesOf(thresholds), source: label(thresholdsFile) }
}

export interface JudgedRulesOptions {
  tasksDir: string
  thresholdsFile: string
  base?: CommitSource
  repoRoot?: string
  /** The shards ran the whole golden set (the action has no --filter): their set must be it. */
  whole: boolean
  /** `--phase`: the shards judged every workflow at this phase. */
  phase?: Phase
  /** `strict`: a missing section of the readiness checklist fails the merged gate. */
  readiness?: ReadinessMode
}

/** The project judged as the gate judges it, its rules, and its golden set to check the shards' tasks against. */
export async function judgedRules(opts: JudgedRulesOptions): Promise<{ rules: MergeRules; thresholds: Thresholds }> {
  const judged = await judgedProject(opts)
  const onBase = opts.base ? ` (as on base ${opts.base.sha.slice(0, 7)})` : ''
  const source = opts.base
    ? `${label(opts.thresholdsFile)} (each rule the stricter of base ${opts.base.sha.slice(0, 7)}'s and this commit's)`
    : label(opts.thresholdsFile)
  const tasks = new Map(judged.counted.map((t) => [taskKey(t), { tier: t.tier, risk: t.risk }]))
  return {
    thresholds: judged.thresholds,
    rules: {
      gate: gateRulesOf(judged.thresholds),
      source,
      golden: {
        tasks,
        label: `${label(opts.tasksDir)}${onBase}`,
        whole: opts.whole,
        versions: versionsOf(judged.workflows, judged.thresholdsFile, undefined, undefined).workflows
      },
      readiness: { score: (run) => judgedReadiness(judged, run), strict: opts.readiness === 'strict' }
    }
  }
}

function label(file: string): string {
  return displayPath(path.resolve(file))
}

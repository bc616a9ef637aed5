import * as core from '@actions/core'
import { evaluate } from '../run/evaluate.js'
import { InputError } from '../load/problems.js'
import { renderSummary } from '../report/summary.js'
import type { Report } from '../model/types.js'

/** The thin action entry: read inputs, run the engine, write outputs. */
export async function run(): Promise<void> {
  try {
    const { report, paths } = await evaluate({
      tasksDir: core.getInput('tasks') || 'golden-tasks',
      thresholdsFile: core.getInput('thresholds') || 'thresholds.yml',
      outDir: 'evalgate-report',
      concurrency: Number(core.getInput('concurrency') || '8'),
      repeat: Number(core.getInput('repeat') || '1'),
      shard: core.getInput('shard') || undefined,
      baselineFile: core.getInput('baseline') || undefined,
      commit: process.env.GITHUB_SHA
    })
    core.setOutput('decision', report.decision)
    core.setOutput('report', paths.report)
    core.setOutput('success-rates', JSON.stringify(successRates(report)))
    await core.summary.addRaw(renderSummary(report)).write()
    if (report.decision !== 'pass') core.setFailed(report.reasons[0] ?? `evalgate decision: ${report.decision}`)
  } catch (err) {
    if (err instanceof InputError) {
      for (const p of err.problems) {
        core.error(p.message, { file: p.file, startLine: p.line })
      }
      core.setOutput('decision', 'error')
      core.setFailed(`evalgate: ${err.problems.length} problem(s) in the input files`)
      return
    }
    core.setFailed(`evalgate: ${(err as Error).message}`)
  }
}

export function successRates(report: Report): Record<string, number> {
  const several = new Set(report.tiers.map((t) => t.workflow)).size > 1
  return Object.fromEntries(report.tiers.map((t) => [several ? `${t.workflow}/${t.tier}` : t.tier, t.success_rate]))
}

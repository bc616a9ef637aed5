// The action's evidence pack: written into its output folder (`<out>/evidence/`) after the gate
// decided, so that the artifact a workflow uploads carries it; the job summary says where. A pack
// that cannot be written costs a warning, never the gate.
import * as core from '@actions/core'
import { join } from 'node:path'
import type { Report } from '../model/types.js'
import { makeEvidencePack } from '../run/evidence-pack.js'
import type { ActionInputs } from './inputs.js'
import { publishOutcome } from './publish.js'
import type { ModeResult } from './result.js'
import type { Target } from './target.js'
import type { GateOutcome } from './verdict.js'
import { workspaceRoot } from './workspace.js'

export const EVIDENCE_FOLDER = 'evidence'

/** Publishes the outcome, then, when the gate ran, writes the pack of its run. */
export async function publishWithEvidence(
  target: Target,
  outcome: GateOutcome,
  inputs: ActionInputs
): Promise<ModeResult> {
  const result = await publishOutcome(target, outcome)
  if (outcome.kind === 'report') await writeRunEvidence(inputs, outcome.paths.report, outcome.report)
  return result
}

async function writeRunEvidence(inputs: ActionInputs, reportFile: string, report: Report): Promise<void> {
  try {
    const [index] = await makeEvidencePack({
      tasksDir: inputs.tasks,
      thresholdsFile: inputs.thresholds,
      reportFile,
      report,
      outDir: join(inputs.out, EVIDENCE_FOLDER),
      repoRoot: workspaceRoot()
    })
    await core.summary
      .addRaw(
        `\n\n**Evidence pack** for a security review: \`${index}\` (in the artifact \`${inputs.artifactName}\`; ` +
          'open index.html, every page prints to PDF).\n'
      )
      .write()
  } catch (err) {
    core.warning(`evalgate: no evidence pack written: ${(err as Error)?.message ?? String(err)}`)
  }
}

// `evalgate evidence` and the action's pack: the workflows as loaded from their manifests, and
// when a report is given, its run — the report, a trace sample from the traces.jsonl beside it,
// a link to the report.html beside it — made into the evidence pack (src/evidence).
import { existsSync } from 'node:fs'
import { dirname, join, relative, sep } from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import { registerWorkflowSecrets } from '../agents/model-access.js'
import { atPhases } from '../base/phase-rules.js'
import type { EvidenceRun, EvidenceWorkflow, SampledTrace } from '../evidence/input.js'
import { chooseSample } from '../evidence/trace-choice.js'
import { writeEvidencePack } from '../evidence/write.js'
import { tierSettings } from '../gate/tier-settings.js'
import { HTML_REPORT_FILE } from '../html/index.js'
import { loadProject } from '../load/index.js'
import type { LoadedTask } from '../load/task-schema.js'
import { displayPath } from '../load/paths.js'
import { judgedPhases } from '../model/rollout.js'
import { readTraceLines } from '../model/trace-lines.js'
import {
  TIERS,
  type Report,
  type Tier,
  type TierRule,
  type TraceLine,
  type Workflow,
  type WorkflowInfo
} from '../model/types.js'
import { TRACES_FILE } from '../report/outputs.js'
import { readReport } from '../report/read-report.js'
import { InputError } from '../util/problems.js'
import { gateRulesOf } from './gate-inputs.js'
import { workflowInfo } from './workflow-info.js'

export interface EvidenceOptions {
  tasksDir: string
  thresholdsFile: string
  /** The run's report.json; absent: the pack says no run was given. */
  reportFile?: string
  /** That report, when it is already read (the action's own run). */
  report?: Report
  outDir: string
  repoRoot?: string
}

/** Writes the pack; resolves to its files, the index first. */
export async function makeEvidencePack(opts: EvidenceOptions): Promise<string[]> {
  const project = await loadProject(opts)
  if (project.problems.length > 0) throw new InputError(project.problems)
  registerWorkflowSecrets(project.workflows)
  const run = opts.reportFile === undefined ? undefined : await evidenceRun(opts.reportFile, opts.report, opts.outDir)
  const gate = gateRulesOf(atPhases(project.thresholds, judgedPhases(project.workflows)))
  const workflows = project.workflows.map((w) =>
    evidenceWorkflow(
      w,
      project.tasks.filter((t) => t.workflow === w.name),
      {
        ruleOf: (tier) => tierSettings(gate, w.name, tier).rule,
        recorded: run?.report.workflows.find((r) => r.name === w.name)
      }
    )
  )
  return writeEvidencePack(opts.outDir, { workflows, ...(run ? { run } : {}) })
}

interface WorkflowContext {
  ruleOf: (tier: Tier) => TierRule | undefined
  /** The manifest as the run recorded it (report.json `workflows`), when a run is given. */
  recorded?: WorkflowInfo
}

function evidenceWorkflow(w: Workflow, tasks: LoadedTask[], ctx: WorkflowContext): EvidenceWorkflow {
  const rules: EvidenceWorkflow['rules'] = {}
  for (const tier of TIERS) {
    const rule = ctx.ruleOf(tier)
    if (rule) rules[tier] = rule
  }
  const loaded = workflowInfo(w, tasks.length)
  return {
    // With a run, its record of the manifest: the matrix and governance it ran under.
    info: ctx.recorded ?? loaded,
    ...(ctx.recorded && changedSince(ctx.recorded, loaded) ? { changedSinceRun: true } : {}),
    tasks: tasks.map((t) => ({ tier: t.tier, risk: t.risk })),
    rules,
    redact: w.data_governance?.redact ?? [],
    ...(w.redact_ignore ? { redactIgnore: w.redact_ignore } : {}),
    ...(w.judge ? { judgeModel: w.judge.model } : {}),
    ...(w.escalation ? { escalation: w.escalation } : {}),
    ...(w.kill_switch ? { killSwitch: w.kill_switch } : {}),
    ...(w.runbook ? { runbook: { file: w.runbook.file, text: w.runbook.text } } : {})
  }
}

/** Whether what a reviewer relies on (permission matrix, identity, governance) differs from the run's record. */
function changedSince(recorded: WorkflowInfo, loaded: WorkflowInfo): boolean {
  const relied = (w: WorkflowInfo) => ({
    permissions: w.permissions,
    identity: w.identity,
    data_governance: w.data_governance
  })
  return !isDeepStrictEqual(JSON.parse(JSON.stringify(relied(recorded))), JSON.parse(JSON.stringify(relied(loaded))))
}

async function evidenceRun(file: string, given: Report | undefined, outDir: string): Promise<EvidenceRun> {
  const report = given ?? (await readReport(file))
  const choice = chooseSample(report)
  const tracesFile = join(dirname(file), TRACES_FILE)
  const traces = existsSync(tracesFile) ? await sampledTraces(tracesFile, choice.tasks) : undefined
  const htmlFile = join(dirname(file), HTML_REPORT_FILE)
  return {
    file: displayPath(file),
    report,
    sample: traces?.sample ?? choice.tasks,
    moreFailures: choice.moreFailures,
    unreadableTraces: traces?.unreadable ?? 0,
    ...(traces ? {} : { tracesMissing: `No ${TRACES_FILE} beside ${displayPath(file)}: the sample shows no trace.` }),
    ...(existsSync(htmlFile) ? { reportHtml: relative(outDir, htmlFile).split(sep).join('/') } : {})
  }
}

/**
 * The first attempt of each chosen task that shows why it was chosen (a failing attempt of a
 * failure, a passing one of a pass; else its first), read in one pass over traces.jsonl.
 */
async function sampledTraces(
  file: string,
  chosen: Omit<SampledTrace, 'trace'>[]
): Promise<{ sample: SampledTrace[]; unreadable: number }> {
  const key = (workflow: string, id: string) => `${workflow}\u0000${id}`
  const wanted = new Map(chosen.map((c) => [key(c.task.workflow, c.task.id), c]))
  const first = new Map<string, TraceLine>()
  const fitting = new Map<string, TraceLine>()
  let unreadable = 0
  for await (const line of readTraceLines(file, () => unreadable++)) {
    const k = key(line.workflow, line.task_id)
    const choice = wanted.get(k)
    // A PR form or a drill attempt is not the counted task's.
    if (!choice || line.form !== undefined) continue
    if (!first.has(k)) first.set(k, line)
    if (!fitting.has(k) && (line.status === 'pass') === (choice.why === 'pass')) fitting.set(k, line)
  }
  const sample = chosen.map((c) => {
    const trace = fitting.get(key(c.task.workflow, c.task.id)) ?? first.get(key(c.task.workflow, c.task.id))
    return trace ? { ...c, trace } : c
  })
  return { sample, unreadable }
}

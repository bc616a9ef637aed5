// What the readiness checklist is scored from (src/readiness/sections): per workflow its manifest,
// its golden tasks, the gate rules that apply to it and, with a run, what the run recorded. One
// function, readinessInputs, builds it from the loaded model; nothing else in src/readiness reads
// a file or the loader's types.
import { agentModel } from '../agents/model-access.js'
import type { LoadedTask } from '../load/task-schema.js'
import { economicsSettings } from '../gate/economics.js'
import { priceFor } from '../llm/pricing.js'
import { retentionDays } from '../model/governance.js'
import type { DrillReport, Report, TaskResult, Thresholds, Workflow } from '../model/types.js'

/** A task result as the checklist reads it. */
export type ReadinessTaskResult = Pick<TaskResult, 'workflow' | 'status' | 'tool_calls'>

/** What a run recorded that the checklist reads: its task results, and the kill-switch drill. */
export interface ReadinessRun {
  tasks: readonly ReadinessTaskResult[]
  drill?: DrillReport
}

export interface WorkflowReadiness {
  workflow: Workflow
  /** Its golden tasks (every one, not a shard's or a filter's). */
  tasks: readonly LoadedTask[]
  thresholds: Thresholds
  /** The resolved gate rules (per tier: src/gate/tier-settings.ts). */
  gate: Report['gate']
  /** The models evalgate calls for it (its agent's, the judge's when a task has a rubric), and whether each has a price. */
  models: { name: string; priced: boolean }[]
  /** This workflow's part of the run; absent: scored from the files alone (`evalgate readiness`). */
  run?: { tasks: readonly ReadinessTaskResult[]; drill?: { tasks: number; failed: number } }

  // The fields below come from the other parts of issue 14; each is undefined until readinessInputs
  // reads it, and an undefined one counts as not declared.
  /** workflow.yml `runbook` (part G): its path, and the kit's sections it lacks (none: every one is there). */
  runbook?: { path: string; sectionsMissing: string[] }
  /** data_governance.subprocessors (part G). */
  subprocessors?: { name: string; dpa_url?: string }[]
  /** How many entries data_governance.stored lists: what is stored where (part G). */
  stored?: number
  /** data_governance.retention per kind of data (part G). */
  retention?: { prompts_days?: number; traces_days?: number; artifacts_days?: number }
  /** budgets.max_cost_per_success_usd that applies to this workflow (part C). */
  maxCostPerSuccessUsd?: number
  /** thresholds.yml economics that apply to this workflow (part C). */
  economics?: { value_per_success_usd: number; min_gross_margin: number }
  /** incidents.yml beside workflow.yml (part V): its incidents, and how many name no golden task. */
  incidents?: { total: number; withoutTask: number }
  /** workflow.yml `version` (part V). */
  version?: string
  /** workflow.yml `versioning.require_bump` (part V). */
  requireBump?: boolean
}

export interface ReadinessInputs {
  workflows: WorkflowReadiness[]
}

/** The loaded (or, on a pull request, judged) project the checklist scores. */
export interface ReadinessProject {
  workflows: readonly Workflow[]
  tasks: readonly LoadedTask[]
  thresholds: Thresholds
}

/** The checklist's inputs from the loaded model, and the run when there is one. */
export function readinessInputs(project: ReadinessProject, run?: ReadinessRun): ReadinessInputs {
  const { thresholds } = project
  const gate = {
    rules: thresholds.rules,
    workflows: thresholds.workflows,
    max_error_rate: thresholds.budgets.max_error_rate
  }
  return {
    workflows: project.workflows.map((workflow) => {
      const tasks = project.tasks.filter((t) => t.workflow === workflow.name)
      return {
        workflow,
        tasks,
        thresholds,
        gate,
        models: modelsOf(workflow, tasks, thresholds),
        ...(run ? { run: runOf(workflow.name, run) } : {}),
        ...governanceAndRunbook(workflow),
        ...costRules(workflow, gate),
        ...versionsAndIncidents(workflow)
      }
    })
  }
}

/** Part G: workflow.yml runbook (and its section check), data_governance.subprocessors, stored and retention. */
function governanceAndRunbook(
  workflow: Workflow
): Pick<WorkflowReadiness, 'runbook' | 'subprocessors' | 'stored' | 'retention'> {
  const governance = workflow.data_governance
  const runbook = workflow.runbook
  // Per kind once `retention` is declared (a kind it leaves out is kept retention_days); one retention_days alone is not per kind.
  const retention = governance?.retention && {
    prompts_days: retentionDays(governance, 'prompts'),
    traces_days: retentionDays(governance, 'traces'),
    artifacts_days: retentionDays(governance, 'artifacts')
  }
  return {
    ...(runbook
      ? { runbook: { path: runbook.file, sectionsMissing: runbook.sections.missing.map((m) => m.title) } }
      : {}),
    ...(governance?.subprocessors ? { subprocessors: governance.subprocessors } : {}),
    ...(governance?.stored ? { stored: governance.stored.length } : {}),
    ...(retention ? { retention } : {})
  }
}

/** Part C: budgets.max_cost_per_success_usd (its lowest tier limit) and economics, as they apply to the workflow. */
function costRules(
  workflow: Workflow,
  gate: Report['gate']
): Pick<WorkflowReadiness, 'maxCostPerSuccessUsd' | 'economics'> {
  const limits = gate.workflows[workflow.name]?.max_cost_per_success_usd ?? gate.rules.max_cost_per_success_usd
  const values = Object.values(limits ?? {}).filter((v): v is number => v !== undefined)
  const { value, min } = economicsSettings(gate, workflow.name)
  return {
    ...(values.length > 0 ? { maxCostPerSuccessUsd: values.reduce((a, b) => Math.min(a, b)) } : {}),
    ...(value !== undefined && min !== undefined
      ? { economics: { value_per_success_usd: value, min_gross_margin: min } }
      : {})
  }
}

/** Part V: workflow.yml version and versioning, and incidents.yml beside it. */
function versionsAndIncidents(workflow: Workflow): Pick<WorkflowReadiness, 'incidents' | 'version' | 'requireBump'> {
  const incidents = workflow.incidents
  return {
    ...(workflow.version !== undefined ? { version: workflow.version } : {}),
    ...(workflow.versioning?.require_bump !== undefined ? { requireBump: workflow.versioning.require_bump } : {}),
    ...(incidents
      ? { incidents: { total: incidents.length, withoutTask: incidents.filter((i) => i.tasks.length === 0).length } }
      : {})
  }
}

function modelsOf(
  workflow: Workflow,
  tasks: readonly LoadedTask[],
  thresholds: Thresholds
): WorkflowReadiness['models'] {
  const judged = workflow.judge && tasks.some((t) => t.expected.judge !== undefined) ? [workflow.judge.model] : []
  const agent = agentModel(workflow.agent)?.name
  const names = [...new Set([...(agent ? [agent] : []), ...judged])]
  return names.map((name) => ({ name, priced: priceFor(name, thresholds.pricing) !== undefined }))
}

function runOf(name: string, run: ReadinessRun): NonNullable<WorkflowReadiness['run']> {
  const tasks = run.tasks.filter((t) => t.workflow === name)
  const drilled = run.drill?.ran.filter((t) => t.workflow === name).length ?? 0
  const drill =
    drilled > 0
      ? { tasks: drilled, failed: run.drill!.failures.filter((f) => f.workflow === name && f.status === 'fail').length }
      : undefined
  return { tasks, ...(drill ? { drill } : {}) }
}

import { agentModel } from '../agents/model-access.js'
import type { Workflow, WorkflowInfo } from '../model/types.js'
import { phaseOf } from '../model/workflow.js'

/** The manifest as report.json shows it: permission matrix, outcomes, governance; never credentials. */
export function workflowInfo(w: Workflow, tasks: number): WorkflowInfo {
  const governance = w.data_governance
  const model = agentModel(w.agent)
  return {
    name: w.name,
    ...(w.description ? { description: w.description } : {}),
    file: w.source.file,
    tasks,
    agent: { type: w.agent.type, ...(model ? { model: model.name } : {}) },
    inputs: w.inputs,
    outcomes: w.outcomes,
    out_of_scope: w.out_of_scope,
    permissions: w.permissions,
    phase: phaseOf(w),
    ...(w.rollout?.declared ? { declared_phase: w.rollout.declared } : {}),
    ...(w.identity ? { identity: w.identity } : {}),
    ...(governance ? { data_governance: { ...governance, redact: governance.redact.map((r) => r.name) } } : {}),
    ...(w.runbook ? { runbook: w.runbook.file } : {})
  }
}

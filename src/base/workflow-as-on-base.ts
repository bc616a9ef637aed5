// One PR workflow as its run uses it on a pull request: the PR's agent under test, with the
// stricter permission matrix, the union of redaction rules, the base's secret-receiving endpoints
// the base's rollout phase, shared fixtures, tools backend and initial state, and escalation, kill
// switch, versioning and redact_ignore at least as strict as the base's.
import type { RedactRule, Workflow } from '../model/types.js'
import { phaseOf } from '../model/workflow.js'
import type { EndpointNote } from '../llm/endpoint-as-on-base.js'
import { backendAsOnBase } from './backend-as-on-base.js'
import { endpointsAsOnBase } from './endpoints.js'
import { fixturesAsOnBase } from './fixtures-as-on-base.js'
import { ignoredByBoth, redactionUnion } from './redaction-union.js'
import { stricterEscalation } from './stricter-escalation.js'
import { stricterKillSwitch } from './stricter-kill-switch.js'
import { stricterPermissions, type PermissionChange } from './stricter-permissions.js'
import { stricterVersioning } from './stricter-versioning.js'
import { append } from '../util/append.js'

export interface WorkflowAsOnBase {
  workflow: Workflow
  permissions: PermissionChange[]
  endpoints: EndpointNote[]
  /** Base rules the PR removed, which still apply. */
  keptRedactions: RedactRule[]
  /** Other rules the PR loosened or tightened, in words. */
  notes: string[]
}

/** `base` is the base's form of the workflow, undefined for a workflow new in the PR. */
export function workflowAsOnBase(pr: Workflow, base: Workflow | undefined): WorkflowAsOnBase {
  const endpoints = endpointsAsOnBase(pr, base)
  const workflow: Workflow = { ...pr, agent: endpoints.agent }
  if (endpoints.judge) workflow.judge = endpoints.judge
  if (!base) return { workflow, permissions: [], endpoints: endpoints.notes, keptRedactions: [], notes: [] }

  const matrix = stricterPermissions(base.permissions, pr.permissions)
  const redaction = redactionUnion(base.data_governance, pr.data_governance)
  workflow.permissions = matrix.permissions
  // Counting claimed actions lets an answer satisfy expected actions without a call: a PR cannot turn it on.
  if (pr.reports_actions && !base.reports_actions) delete workflow.reports_actions
  if (redaction.governance) workflow.data_governance = redaction.governance
  const ignored = ignoredByBoth(base.redact_ignore, pr.redact_ignore)
  if (ignored.ignore) workflow.redact_ignore = ignored.ignore
  else delete workflow.redact_ignore
  const escalation = stricterEscalation(base, pr)
  if (escalation.escalation) workflow.escalation = escalation.escalation
  const notes = escalation.note ? [escalation.note] : []
  for (const field of ignored.added)
    notes.push(`redact_ignore "${field}" was added in this PR: its values are still redacted until it merges`)
  const fixtures = fixturesAsOnBase(base, pr)
  if (fixtures.fixtures) workflow.fixtures = fixtures.fixtures
  else delete workflow.fixtures
  if (fixtures.note) notes.push(fixtures.note)
  const killSwitch = stricterKillSwitch(base, pr)
  if (killSwitch.killSwitch) workflow.kill_switch = killSwitch.killSwitch
  if (killSwitch.note) notes.push(killSwitch.note)
  const versioning = stricterVersioning(base, pr)
  if (versioning.versioning) workflow.versioning = versioning.versioning
  if (versioning.note) notes.push(versioning.note)
  if (base.tool_schemas) workflow.base_tool_schemas = base.tool_schemas
  const { notes: backendNotes, ...backend } = backendAsOnBase(base, pr)
  delete workflow.tools_backend
  delete workflow.state_file
  delete workflow.initial_state
  Object.assign(workflow, backend)
  append(notes, backendNotes)
  // No phase is the safe one for every rule (draft counts drafted actions, autonomous allows writes): the base's decides.
  if (phaseOf(pr) !== phaseOf(base)) {
    if (base.rollout) workflow.rollout = base.rollout
    else delete workflow.rollout
    notes.push(
      `rollout.phase ${phaseOf(base)} -> ${phaseOf(pr)} in this PR: judged at ${phaseOf(base)} (the base's) until it merges; evalgate run --phase ${phaseOf(pr)} judges it at ${phaseOf(pr)}`
    )
  }
  return { workflow, permissions: matrix.changes, endpoints: endpoints.notes, keptRedactions: redaction.kept, notes }
}

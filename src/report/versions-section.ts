// The "Versions" section of summary.md (each workflow's version and the hash of every file of its
// agent, against the baseline's when there is one), its one-line form in the PR comment, and the
// "Incidents" section (incidents.yml: whether each incident's tasks pass in this run).
import { againstBaselineLine } from '../gate/versions.js'
import type { IncidentResult, Report, WorkflowVersions } from '../model/types.js'
import { inertText } from './inert-text.js'
import { markdownTable } from './markdown-table.js'

/** Shown digits of a SHA-256 (report.json keeps all 64). */
export const SHORT_HASH = 12

/** Empty for a report written before versions. */
export function versionsSection(report: Report): string {
  const versions = report.versions
  if (!versions || versions.workflows.length === 0) return ''
  const commit = versions.commit ? ` Files as read at commit ${versions.commit.slice(0, 7)}.` : ''
  const intro = `SHA-256 of each file that defines the agent, as the run loaded it (first ${SHORT_HASH} hex digits).${commit}`
  return ['### Versions', intro, ...versions.workflows.map(workflowPart)].join('\n\n')
}

function workflowPart(w: WorkflowVersions): string {
  const against = w.against_baseline
  const known = against?.known === true
  const changeOf = new Map((known ? against.files : []).map((f) => [f.path, f.change]))
  const header = ['File', 'Kind', 'SHA-256', ...(known ? ['Against the baseline'] : [])]
  const rows = w.files.map((f) => [
    inertText(f.path),
    f.kind,
    f.sha256.slice(0, SHORT_HASH),
    ...(known ? [changeOf.get(f.path) ?? '—'] : [])
  ])
  const removed = known ? against.files.filter((f) => f.change === 'removed') : []
  for (const f of removed) rows.push([inertText(f.path), f.kind, '—', 'removed'])
  const lines = [
    `**${inertText(w.workflow)}** · ${versionWords(w)}${w.require_bump ? ' · versioning.require_bump' : ''}`
  ]
  if (against) lines.push(`Against the baseline: ${inertText(againstBaselineLine(against))}`)
  return [lines.join('\n\n'), markdownTable(header, rows)].join('\n\n')
}

/** `version 2.4.0 (baseline 2.3.0)`, `no version`. */
function versionWords(w: WorkflowVersions): string {
  const mine = w.version !== undefined ? `version ${inertText(w.version)}` : 'no version'
  const against = w.against_baseline
  if (!against?.known) return mine
  return `${mine} (baseline: ${against.version !== undefined ? inertText(against.version) : 'no version'})`
}

/** The PR comment's line per workflow, with a baseline only: which files changed, e.g. `policy.md changed; prompt.md unchanged`. */
export function versionsBrief(report: Report): string {
  const workflows = (report.versions?.workflows ?? []).filter((w) => w.against_baseline)
  const several = workflows.length > 1
  return workflows
    .map((w) => {
      const against = w.against_baseline!
      const name = several ? `${inertText(w.workflow)}: ` : ''
      const version =
        against.known && against.version !== w.version
          ? ` · version ${inertText(against.version ?? 'unset')} → ${inertText(w.version ?? 'unset')}`
          : ''
      return `**Versions against the baseline:** ${name}${inertText(againstBaselineLine(against))}${version}`
    })
    .join('\n\n')
}

/** Empty without incidents.yml. */
export function incidentsSection(report: Report): string {
  const incidents = report.incidents ?? []
  if (incidents.length === 0) return ''
  const several = new Set(incidents.map((i) => i.workflow)).size > 1
  const rows = incidents.map((i) => [
    inertText(several ? `${i.workflow}/${i.id}` : i.id),
    i.date,
    i.severity,
    inertText(i.summary),
    inertText(taskWords(i)),
    i.passing === false ? '**no**' : passingWords(i.passing)
  ])
  const failing = incidents.filter((i) => i.passing === false).length
  const intro =
    failing > 0
      ? `${failing} of ${incidents.length} incidents are reproduced by a task that fails in this run.`
      : `No incident's task fails in this run.`
  return [
    '### Incidents (incidents.yml)',
    intro,
    markdownTable(['Incident', 'Date', 'Severity', 'Summary', 'Tasks', 'Passes now'], rows)
  ].join('\n\n')
}

function taskWords(incident: IncidentResult): string {
  if (incident.tasks.length === 0) return 'none'
  return incident.tasks.map((t) => `${t.id} (${t.status === 'absent' ? 'not in this run' : t.status})`).join(', ')
}

/** Whether an incident's tasks pass: `yes`, `no`, or `unknown` (no task, or one that did not run). */
export function passingWords(passing: boolean | null): string {
  return passing === null ? 'unknown' : passing ? 'yes' : 'no'
}

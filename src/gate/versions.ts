// The files that define each workflow's agent against a baseline report's (report.json
// `versions`), in words, and the rule `versioning.require_bump`: with a baseline, a changed
// prompt, policy or tool schema file needs a new `version`.
import path from 'node:path'
import {
  BUMP_KINDS,
  FILE_CHANGES,
  type AgainstBaseline,
  type FileChange,
  type FileComparison,
  type VersionedFile,
  type Versions,
  type WorkflowVersions
} from '../model/versions.js'
import type { Decision } from '../model/report.js'

/** Each file now against the baseline's file at the same path, then the baseline's files gone now. */
export function compareFiles(now: readonly VersionedFile[], before: readonly VersionedFile[]): FileComparison[] {
  const theirs = new Map(before.map((f) => [f.path, f]))
  const mine = new Set(now.map((f) => f.path))
  const compared = now.map((f): FileComparison => {
    const old = theirs.get(f.path)
    const change: FileChange = !old ? 'added' : old.sha256 === f.sha256 ? 'unchanged' : 'changed'
    return { path: f.path, kind: f.kind, change }
  })
  const removed = before
    .filter((f) => !mine.has(f.path))
    .map((f) => ({ path: f.path, kind: f.kind, change: 'removed' as const }))
  return [...compared, ...removed]
}

/** One workflow's files against the baseline's versions (absent: a baseline written before versions). */
export function againstBaseline(
  workflow: Pick<WorkflowVersions, 'workflow' | 'files'>,
  baseline: Versions | undefined
): AgainstBaseline {
  if (!baseline)
    return {
      known: false,
      note: 'the baseline report records no versions (written before evalgate recorded them)',
      files: []
    }
  const theirs = baseline.workflows.find((w) => w.workflow === workflow.workflow)
  if (!theirs)
    return { known: false, note: `the baseline report has no versions of workflow ${workflow.workflow}`, files: [] }
  return {
    known: true,
    ...(theirs.version !== undefined ? { version: theirs.version } : {}),
    files: compareFiles(workflow.files, theirs.files)
  }
}

/**
 * How a file is named in a line: its file name, or its repository path where two files of the
 * list share a name.
 */
export function fileNamer(files: readonly { path: string }[]): (file: { path: string }) => string {
  const counts = new Map<string, number>()
  for (const f of files) counts.set(path.posix.basename(f.path), (counts.get(path.posix.basename(f.path)) ?? 0) + 1)
  return (file) => {
    const name = path.posix.basename(file.path)
    return (counts.get(name) ?? 0) > 1 ? file.path : name
  }
}

/** `policy.md changed; prompt.md, tools.json unchanged`: the files grouped by change, changes first. */
export function changesLine(files: readonly FileComparison[]): string {
  const name = fileNamer(files)
  const order: FileChange[] = [...FILE_CHANGES.filter((c) => c !== 'unchanged'), 'unchanged']
  return order
    .map((change) => {
      const names = files.filter((f) => f.change === change).map(name)
      return names.length > 0 ? `${names.join(', ')} ${change}` : ''
    })
    .filter((part) => part !== '')
    .join('; ')
}

/** The comparison in a line, or why it is unknown; never "unchanged" for what is not known. */
export function againstBaselineLine(against: AgainstBaseline): string {
  if (!against.known) return `versions unknown: ${against.note ?? 'the baseline records none'}`
  return against.files.length > 0 ? changesLine(against.files) : 'no files recorded'
}

export interface VersionVerdict {
  failures: string[]
  notes: string[]
}

/** What versioning.require_bump says of each workflow that sets it. */
export function versionRule(versions: Versions | undefined): VersionVerdict {
  const verdict: VersionVerdict = { failures: [], notes: [] }
  const workflows = versions?.workflows ?? []
  const label = (w: WorkflowVersions) => (workflows.length > 1 ? `${w.workflow}: ` : '')
  for (const w of workflows) {
    if (!w.require_bump) continue
    const against = w.against_baseline
    if (!against || !against.known) {
      const why = against ? against.note : 'no baseline to compare the files with (run with --baseline REPORT.json)'
      verdict.notes.push(`${label(w)}versioning.require_bump not checked: ${why}`)
      continue
    }
    const changed = against.files.filter((f) => f.change !== 'unchanged' && BUMP_KINDS.includes(f.kind))
    if (changed.length === 0) continue
    const files = changesLine(changed)
    if (w.version === undefined)
      verdict.failures.push(`${label(w)}${files} but workflow.yml sets no version — fail (versioning.require_bump)`)
    else if (w.version === against.version)
      verdict.failures.push(`${label(w)}${files} but version ${w.version} did not — fail (versioning.require_bump)`)
    else verdict.notes.push(`${label(w)}${files}; version ${against.version ?? 'unset'} -> ${w.version}`)
  }
  return verdict
}

/** The decision with the versioning failures first (a pass becomes a fail; an error stays an error), its notes last. */
export function withVersionRule<D extends { decision: Decision; reasons: string[] }>(
  decided: D,
  versions: Versions | undefined
): D {
  const { failures, notes } = versionRule(versions)
  if (failures.length === 0 && notes.length === 0) return decided
  const decision: Decision = failures.length > 0 && decided.decision === 'pass' ? 'fail' : decided.decision
  return { ...decided, decision, reasons: [...failures, ...decided.reasons, ...notes] }
}

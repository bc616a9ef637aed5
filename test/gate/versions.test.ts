// The comparison of an agent's files with a baseline's and versioning.require_bump, on records.
import { describe, expect, it } from '@jest/globals'
import { againstBaseline, changesLine, compareFiles, versionRule, withVersionRule } from '../../src/gate/versions.js'
import { baselineReportSchema } from '../../src/model/report.js'
import type { VersionedFile, Versions, WorkflowVersions } from '../../src/model/types.js'

const hash = (c: string) => c.repeat(64)
const file = (path: string, kind: VersionedFile['kind'], c: string): VersionedFile => ({ path, kind, sha256: hash(c) })

const base: VersionedFile[] = [
  file('wf/workflow.yml', 'manifest', 'a'),
  file('wf/prompt.md', 'prompt', 'b'),
  file('wf/policy.md', 'policy', 'c'),
  file('wf/old-tools.json', 'tools', 'd')
]
const now: VersionedFile[] = [
  file('wf/workflow.yml', 'manifest', 'a'),
  file('wf/prompt.md', 'prompt', 'b'),
  file('wf/policy.md', 'policy', 'e'),
  file('wf/tools.json', 'tools', 'd')
]

function workflow(extra: Partial<WorkflowVersions>, files = now, baseline?: Versions): WorkflowVersions {
  const own = { workflow: 'wf', require_bump: true, files, ...extra }
  return { ...own, against_baseline: againstBaseline(own, baseline) }
}
const baseline = (version?: string): Versions => ({
  workflows: [{ workflow: 'wf', require_bump: true, files: base, ...(version ? { version } : {}) }]
})

describe('files against the baseline', () => {
  it('by path: changed, unchanged, added, and the baseline files gone now as removed', () => {
    const compared = compareFiles(now, base)
    expect(compared.map((f) => [f.path, f.change])).toEqual([
      ['wf/workflow.yml', 'unchanged'],
      ['wf/prompt.md', 'unchanged'],
      ['wf/policy.md', 'changed'],
      ['wf/tools.json', 'added'],
      ['wf/old-tools.json', 'removed']
    ])
    expect(changesLine(compared)).toBe(
      'policy.md changed; tools.json added; old-tools.json removed; workflow.yml, prompt.md unchanged'
    )
  })

  it('two files of one name are named by their paths', () => {
    const files = [file('a/policy.md', 'policy', 'a'), file('b/policy.md', 'policy', 'b')]
    expect(
      changesLine(compareFiles(files, [file('a/policy.md', 'policy', 'a'), file('b/policy.md', 'policy', 'c')]))
    ).toBe('b/policy.md changed; a/policy.md unchanged')
  })

  it('unknown, never unchanged, when the baseline has no versions or not this workflow', () => {
    expect(againstBaseline({ workflow: 'wf', files: now }, undefined)).toEqual({
      known: false,
      note: 'the baseline report records no versions (written before evalgate recorded them)',
      files: []
    })
    expect(againstBaseline({ workflow: 'other', files: now }, baseline())).toMatchObject({
      known: false,
      note: 'the baseline report has no versions of workflow other'
    })
  })

  it('a baseline whose versions another evalgate wrote unreadably reads as one without versions', () => {
    const read = baselineReportSchema.parse({ version: 1, tiers: [], tasks: [], versions: { workflows: 'garbage' } })
    expect(read.versions).toBeUndefined()
  })
})

describe('versioning.require_bump', () => {
  it('a changed prompt, policy or tool file with the same version fails; a bump passes with a note', () => {
    const same = workflow({ version: '2.3.0' }, now, baseline('2.3.0'))
    expect(versionRule({ workflows: [same] })).toEqual({
      failures: [
        'policy.md changed; tools.json added; old-tools.json removed but version 2.3.0 did not — fail (versioning.require_bump)'
      ],
      notes: []
    })
    const bumped = workflow({ version: '2.4.0' }, now, baseline('2.3.0'))
    expect(versionRule({ workflows: [bumped] })).toEqual({
      failures: [],
      notes: ['policy.md changed; tools.json added; old-tools.json removed; version 2.3.0 -> 2.4.0']
    })
  })

  it('no version set: the change fails, whatever the baseline said', () => {
    const unset = workflow({}, now, baseline('2.3.0'))
    expect(versionRule({ workflows: [unset] }).failures).toEqual([
      'policy.md changed; tools.json added; old-tools.json removed but workflow.yml sets no version — fail (versioning.require_bump)'
    ])
  })

  it('only the manifest changed: no bump needed; the rule off: nothing said', () => {
    const manifestOnly = [file('wf/workflow.yml', 'manifest', 'z'), ...base.slice(1)]
    expect(versionRule({ workflows: [workflow({ version: '2.3.0' }, manifestOnly, baseline('2.3.0'))] })).toEqual({
      failures: [],
      notes: []
    })
    expect(
      versionRule({ workflows: [workflow({ version: '2.3.0', require_bump: false }, now, baseline('2.3.0'))] })
    ).toEqual({ failures: [], notes: [] })
  })

  it('several workflows: each line names its workflow; an error decision stays error', () => {
    const wf = workflow({ version: '1' }, now, baseline('1'))
    const other = { workflow: 'other', require_bump: true, files: now }
    const versions = { workflows: [wf, other] }
    expect(versionRule(versions)).toEqual({
      failures: [expect.stringMatching(/^wf: policy\.md changed/)],
      notes: [
        'other: versioning.require_bump not checked: no baseline to compare the files with (run with --baseline REPORT.json)'
      ]
    })
    expect(withVersionRule({ decision: 'pass', reasons: ['T1 ok'] }, versions).decision).toBe('fail')
    const error = withVersionRule({ decision: 'error' as const, reasons: ['errors'] }, versions)
    expect(error.decision).toBe('error')
    expect(error.reasons[0]).toMatch(/^wf: policy\.md changed/)
    expect(error.reasons.at(-1)).toMatch(/^other: versioning\.require_bump not checked/)
  })
})

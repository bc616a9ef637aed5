// Issue 14 items 6 (versions): report.json hashes every file that defines the agent; with a
// baseline, summary.md and the PR comment list which changed; `versioning.require_bump` fails the
// gate when a prompt, policy or tool file changed but `version` did not — through the CLI, on real
// files, on a pull request (--base-ref) and across shards.
import { describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { renderBrief } from '../../src/report/brief.js'
import { parseReport } from '../../src/report/read-report.js'
import { gitRepo } from '../helpers/git-repo.js'
import { runCli, writeProject } from '../helpers/project.js'

const AGENT = `
let raw = ''
process.stdin.on('data', (d) => (raw += d))
process.stdin.on('end', () => process.stdout.write(JSON.stringify({ label: 'ok' })))
`

const TOOLS = JSON.stringify([{ name: 'lookup', description: 'Finds an order.', parameters: { type: 'object' } }])

function manifest(extra: string[] = []): string {
  return [
    'name: wf',
    ...extra,
    'permissions:',
    '  lookup: { scope: read, risk: low }',
    'tool_schemas: tools.json',
    'agent:',
    '  type: command',
    `  command: ["${process.execPath}", "agent.mjs"]`,
    ''
  ].join('\n')
}

function files(extra: string[] = []): Record<string, string> {
  return {
    'thresholds.yml': 'tiers: { T1: 0.5 }\n',
    'golden-tasks/wf/workflow.yml': manifest(extra),
    'golden-tasks/wf/tools.json': TOOLS,
    'golden-tasks/wf/agent.mjs': AGENT,
    'golden-tasks/wf/tasks.yaml': [
      '- { id: a, tier: T1, risk: low, input: {}, expected: { label: ok } }',
      '- { id: b, tier: T1, risk: low, input: {}, expected: { label: ok } }',
      ''
    ].join('\n')
  }
}

const BUMP = ['version: 1.0.0', 'versioning: { require_bump: true }']

function read(dir: string, out: string) {
  return {
    report: parseReport(JSON.parse(readFileSync(join(dir, out, 'report.json'), 'utf8')), out),
    summary: readFileSync(join(dir, out, 'summary.md'), 'utf8')
  }
}

const sha256 = (dir: string, file: string) =>
  createHash('sha256')
    .update(readFileSync(join(dir, file)))
    .digest('hex')

async function run(dir: string, out: string, ...args: string[]) {
  const res = await runCli(['run', '--repeat', '1', '--out', out, ...args], dir)
  return { res, ...read(dir, out) }
}

describe('versions in report.json', () => {
  it('hashes the manifest, tool schemas, agent code and thresholds as loaded, with their kinds and repository paths', async () => {
    const dir = writeProject(files(['version: "2.3"']))
    const { res, report, summary } = await run(dir, 'out')
    expect(res.code).toBe(0)
    expect(report.versions?.workflows).toEqual([
      {
        workflow: 'wf',
        version: '2.3',
        require_bump: false,
        files: [
          {
            path: 'golden-tasks/wf/workflow.yml',
            kind: 'manifest',
            sha256: sha256(dir, 'golden-tasks/wf/workflow.yml')
          },
          { path: 'golden-tasks/wf/tools.json', kind: 'tools', sha256: sha256(dir, 'golden-tasks/wf/tools.json') },
          // The node binary the command names is outside the repository: not hashed.
          { path: 'golden-tasks/wf/agent.mjs', kind: 'agent_code', sha256: sha256(dir, 'golden-tasks/wf/agent.mjs') },
          { path: 'thresholds.yml', kind: 'thresholds', sha256: sha256(dir, 'thresholds.yml') }
        ]
      }
    ])
    expect(summary).toContain('### Versions')
    expect(summary).toContain(
      `| golden-tasks/wf/tools.json | tools | ${sha256(dir, 'golden-tasks/wf/tools.json').slice(0, 12)} |`
    )
    expect(summary).not.toContain('Against the baseline')
  })

  it('with a baseline: summary.md and the PR comment say which files changed and which did not', async () => {
    const dir = writeProject(files())
    expect((await run(dir, 'base')).res.code).toBe(0)
    writeFileSync(join(dir, 'golden-tasks/wf/agent.mjs'), `${AGENT}\n// handles refunds now\n`)
    const { res, report, summary } = await run(dir, 'out', '--baseline', 'base/report.json')
    expect(res.code).toBe(0)
    expect(report.versions?.workflows[0].against_baseline).toEqual({
      known: true,
      files: [
        { path: 'golden-tasks/wf/workflow.yml', kind: 'manifest', change: 'unchanged' },
        { path: 'golden-tasks/wf/tools.json', kind: 'tools', change: 'unchanged' },
        { path: 'golden-tasks/wf/agent.mjs', kind: 'agent_code', change: 'changed' },
        { path: 'thresholds.yml', kind: 'thresholds', change: 'unchanged' }
      ]
    })
    const line = 'agent.mjs changed; workflow.yml, tools.json, thresholds.yml unchanged'
    expect(summary).toContain(`Against the baseline: ${line}`)
    expect(summary).toContain('| golden-tasks/wf/agent.mjs | agent_code |')
    expect(renderBrief(report).above).toContain(`**Versions against the baseline:** ${line}`)
  })

  it('a baseline written before versions: "versions unknown", never "unchanged"', async () => {
    const dir = writeProject(files(BUMP))
    await run(dir, 'base')
    const old = JSON.parse(readFileSync(join(dir, 'base/report.json'), 'utf8'))
    delete old.versions
    writeFileSync(join(dir, 'old.json'), JSON.stringify(old))
    writeFileSync(join(dir, 'golden-tasks/wf/tools.json'), TOOLS.replace('Finds', 'Looks up'))
    const { res, report, summary } = await run(dir, 'out', '--baseline', 'old.json')
    expect(res.code).toBe(0)
    const unknown = 'versions unknown: the baseline report records no versions (written before evalgate recorded them)'
    expect(summary).toContain(`Against the baseline: ${unknown}`)
    expect(summary).not.toMatch(/unchanged/)
    expect(renderBrief(report).above).toContain(unknown)
    expect(report.reasons).toContain(
      `versioning.require_bump not checked: the baseline report records no versions (written before evalgate recorded them)`
    )
  })

  it('a version that is a number is a file:line problem with the fix (exit 2)', async () => {
    const dir = writeProject(files(['version: 2.3']))
    const res = await runCli(['validate'], dir)
    expect(res.code).toBe(2)
    expect(res.stderr).toContain(
      'golden-tasks/wf/workflow.yml:2: "version" must be a string, got 2.3 (put it in quotes: "2.3")'
    )
  })
})

describe('versioning.require_bump', () => {
  it('fails the gate when a tool schema file changed but the version did not, and passes once it is bumped', async () => {
    const dir = writeProject(files(BUMP))
    expect((await run(dir, 'base')).res.code).toBe(0)
    writeFileSync(join(dir, 'golden-tasks/wf/tools.json'), TOOLS.replace('Finds', 'Looks up'))

    const same = await run(dir, 'same', '--baseline', 'base/report.json')
    expect(same.res.code).toBe(1)
    expect(same.report.decision).toBe('fail')
    expect(same.report.reasons[0]).toBe('tools.json changed but version 1.0.0 did not — fail (versioning.require_bump)')
    expect(same.summary).toContain('tools.json changed but version 1.0.0 did not')

    writeFileSync(
      join(dir, 'golden-tasks/wf/workflow.yml'),
      manifest(['version: 1.1.0', 'versioning: { require_bump: true }'])
    )
    const bumped = await run(dir, 'bumped', '--baseline', 'base/report.json')
    expect(bumped.res.code).toBe(0)
    expect(bumped.report.reasons).toContain('tools.json changed; version 1.0.0 -> 1.1.0')
    expect(bumped.summary).toContain('version 1.1.0 (baseline: 1.0.0)')
  })

  it('a change to a file that is not a prompt, policy or tool file needs no bump', async () => {
    const dir = writeProject(files(BUMP))
    await run(dir, 'base')
    writeFileSync(join(dir, 'thresholds.yml'), 'tiers: { T1: 0.4 }\n')
    const { res, report } = await run(dir, 'out', '--baseline', 'base/report.json')
    expect(res.code).toBe(0)
    expect(report.versions?.workflows[0].against_baseline?.files.find((f) => f.kind === 'thresholds')?.change).toBe(
      'changed'
    )
  })

  it('without a baseline the rule cannot be checked: the summary says so, the gate does not fail for it', async () => {
    const dir = writeProject(files(BUMP))
    const { res, summary } = await run(dir, 'out')
    expect(res.code).toBe(0)
    expect(summary).toContain(
      'versioning.require_bump not checked: no baseline to compare the files with (run with --baseline REPORT.json)'
    )
  })

  it('on a pull request, a PR that removes require_bump is still held to it (the base sets it)', async () => {
    const repo = gitRepo(files(BUMP))
    const base = repo.commit('base')
    expect((await run(repo.dir, 'baseline')).res.code).toBe(0)
    repo.write({
      'golden-tasks/wf/workflow.yml': manifest(['version: 1.0.0']),
      'golden-tasks/wf/tools.json': TOOLS.replace('Finds', 'Looks up')
    })
    const own = await run(repo.dir, 'own', '--baseline', 'baseline/report.json')
    expect(own.res.code).toBe(0)
    const pr = await run(repo.dir, 'pr', '--baseline', 'baseline/report.json', '--base-ref', base)
    expect(pr.res.code).toBe(1)
    expect(pr.report.versions?.workflows[0].require_bump).toBe(true)
    expect(pr.report.reasons[0]).toBe('tools.json changed but version 1.0.0 did not — fail (versioning.require_bump)')
    const note = "wf: versioning.require_bump was turned off in this PR: the base's rule still applies until it merges"
    expect(pr.report.gate_changes?.notes).toEqual([note])
    expect(pr.summary).toContain(note)
  })
})

describe('versions across shards', () => {
  it('merge keeps the versions the shards agree on and decides require_bump again; shards that disagree are refused', async () => {
    const dir = writeProject(files(BUMP))
    await run(dir, 'base')
    writeFileSync(join(dir, 'golden-tasks/wf/tools.json'), TOOLS.replace('Finds', 'Looks up'))
    for (const i of [1, 2]) {
      const res = await runCli(
        ['run', '--repeat', '1', '--out', `shard${i}`, '--shard', `${i}/2`, '--baseline', 'base/report.json'],
        dir
      )
      // Each shard decides its own part by the rule too.
      expect(res.code).toBe(1)
    }
    const merged = await runCli(['merge', 'shard1/report.json', 'shard2/report.json', '--out', 'merged'], dir)
    expect(merged.code).toBe(1)
    const { report } = read(dir, 'merged')
    expect(report.versions).toEqual(read(dir, 'shard1').report.versions)
    expect(report.reasons[0]).toBe('tools.json changed but version 1.0.0 did not — fail (versioning.require_bump)')

    const tampered = JSON.parse(readFileSync(join(dir, 'shard2/report.json'), 'utf8'))
    tampered.versions.workflows[0].version = '1.1.0'
    writeFileSync(join(dir, 'shard2/report.json'), JSON.stringify(tampered))
    const refused = await runCli(['merge', 'shard1/report.json', 'shard2/report.json', '--out', 'refused'], dir)
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain(
      "evalgate merge: shard2/report.json records other versions of the agent's files than shard1/report.json"
    )

    // The same edit in every shard: a merge that reads the golden set (--tasks, --base-ref, the action) reads the files too.
    const first = JSON.parse(readFileSync(join(dir, 'shard1/report.json'), 'utf8'))
    first.versions.workflows[0].version = '1.1.0'
    writeFileSync(join(dir, 'shard1/report.json'), JSON.stringify(first))
    const both = await runCli(
      ['merge', 'shard1/report.json', 'shard2/report.json', '--tasks', 'golden-tasks', '--out', 'both'],
      dir
    )
    expect(both.code).toBe(2)
    expect(both.stderr).toContain(
      'evalgate merge: shard1/report.json records other versions of workflow wf (version, versioning.require_bump or file hashes) than golden-tasks has'
    )
  })
})

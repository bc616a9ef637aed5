// `evalgate readiness` through the bundled CLI: three manifests (bare, partial, complete) scored
// row by row, --strict, bad input, and its help.
import { describe, expect, it } from '@jest/globals'
import { cpSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { runCli, writeProject } from '../helpers/project.js'
import { bareProject, completeProject, partialProject } from './readiness-project.js'

/** Each section's row: `§N title` -> status. */
function rows(stdout: string): Record<string, string> {
  const found: Record<string, string> = {}
  for (const m of stdout.matchAll(/^(§\d+ [^\n]+?)\s{2,}(met|partial|missing)\b/gm)) found[m[1]] = m[2]
  return found
}

/** Section `n`'s lines (its row and the lines under it up to the next row). */
function linesOf(stdout: string, n: number): string[] {
  const all = stdout.split('\n')
  const start = all.findIndex((l) => l.startsWith(`§${n} `))
  const end = all.findIndex((l, i) => i > start && /^(§\d+ |$)/.test(l))
  return all
    .slice(start, end === -1 ? undefined : end)
    .map((l) => l.replace(/^§\d+ .+?\s{2,}(met|partial|missing)\s+/, '').trim())
}

describe('evalgate readiness', () => {
  it('scores a bare manifest: what it lacks is missing, what it has counts as partial', async () => {
    const res = await runCli(['readiness'], bareProject())
    expect(res.stderr).toBe('')
    expect(res.code).toBe(0)
    expect(res.stdout).toContain('evalgate readiness of bare: 0 met, 4 partial, 6 missing')
    expect(rows(res.stdout)).toEqual({
      '§1 workflow manifest': 'missing',
      '§2 permission matrix': 'partial',
      '§3 data governance': 'missing',
      '§4 golden tasks': 'partial',
      '§5 regression gate': 'partial',
      '§6 tracing': 'partial',
      '§7 escalation & fallback': 'missing',
      '§8 cost controls': 'missing',
      '§9 phased rollout': 'missing',
      '§10 monthly review': 'missing'
    })
    expect(linesOf(res.stdout, 3)).toContain('- no subprocessors listed (data_governance.subprocessors)')
    expect(linesOf(res.stdout, 7)).toContain('- no golden task has a tool fault (a fixture case with fault)')
    expect(linesOf(res.stdout, 2)).toEqual([
      '+ 1 tool with scope, risk and approval (1 read, 0 write)',
      '+ no high-risk write tool',
      '- no tool names the credential scopes it is granted (scopes in the permission matrix)',
      '- no identity (identity.model, identity.principal)'
    ])
  })

  it('scores a partial manifest', async () => {
    const res = await runCli(['readiness'], partialProject())
    expect(res.code).toBe(0)
    expect(rows(res.stdout)).toEqual({
      '§1 workflow manifest': 'met',
      '§2 permission matrix': 'partial',
      '§3 data governance': 'partial',
      '§4 golden tasks': 'partial',
      '§5 regression gate': 'partial',
      '§6 tracing': 'met',
      '§7 escalation & fallback': 'partial',
      '§8 cost controls': 'partial',
      '§9 phased rollout': 'partial',
      '§10 monthly review': 'missing'
    })
    expect(linesOf(res.stdout, 2)).toContain('- identity delegated_service names no principal (identity.principal)')
    expect(linesOf(res.stdout, 4)).toContain('- no high-risk task (risk: high), though issue_refund is high risk')
    expect(linesOf(res.stdout, 9)).toEqual([
      '+ rollout.phase propose (proposed actions)',
      '- no tier rules for the next phase, autonomous (thresholds.yml phases.autonomous.tiers)'
    ])
  })

  // Until parts G (runbook, subprocessors, stored, retention), C (max_cost_per_success_usd,
  // economics) and V (incidents.yml, version) are wired into src/readiness/inputs.ts, the
  // sections that ask for them cannot be met: §3, §7 and §8 stay partial, §10 missing.
  it('scores a complete manifest: met wherever the fields exist', async () => {
    const res = await runCli(['readiness'], completeProject())
    expect(res.code).toBe(0)
    expect(rows(res.stdout)).toEqual({
      '§1 workflow manifest': 'met',
      '§2 permission matrix': 'met',
      '§3 data governance': 'met',
      '§4 golden tasks': 'met',
      '§5 regression gate': 'met',
      '§6 tracing': 'met',
      '§7 escalation & fallback': 'met',
      '§8 cost controls': 'partial',
      '§9 phased rollout': 'met',
      '§10 monthly review': 'met'
    })
    expect(linesOf(res.stdout, 10)).toContain('+ incidents.yml: 1 incident, each reproduced by a golden task')
    expect(linesOf(res.stdout, 7)).toEqual([
      '+ 1 golden task expects escalation',
      '+ an answer less confident than 0.7 must escalate (escalation.min_confidence)',
      '+ 1 golden task with a tool fault',
      '+ 1 golden task expects a fallback (human 1)',
      '+ kill switch env REFUNDS_OFF, drilled on 2 tasks each run',
      '+ runbook golden-tasks/complete/RUNBOOK.md: when to escalate, fallback behaviour, on-call, how to disable automation'
    ])
    expect(linesOf(res.stdout, 3)).toContain('+ 1 subprocessor with a DPA: OpenAI')
  })

  it('--strict: exit 1 when a section is missing, naming them', async () => {
    const bare = await runCli(['readiness', '--strict'], bareProject())
    expect(bare.code).toBe(1)
    expect(bare.stdout).toContain(
      '--strict: §1 workflow manifest, §3 data governance, §7 escalation & fallback, §8 cost controls, §9 phased rollout, §10 monthly review missing'
    )
    const complete = await runCli(['readiness', '--strict'], completeProject())
    expect(complete.code).toBe(0)
    expect(complete.stdout).not.toContain('--strict:')
  })

  it('reads --tasks and --thresholds', async () => {
    const dir = completeProject()
    renameSync(join(dir, 'golden-tasks'), join(dir, 'agents'))
    renameSync(join(dir, 'thresholds.yml'), join(dir, 'gate.yml'))
    const res = await runCli(['readiness', '--tasks', 'agents', '--thresholds', 'gate.yml'], dir)
    expect(res.code).toBe(0)
    expect(rows(res.stdout)['§5 regression gate']).toBe('met')
  })

  it('scores several workflows: each section as its worst workflow, each line naming its workflow', async () => {
    const dir = completeProject()
    cpSync(join(bareProject(), 'golden-tasks/bare'), join(dir, 'golden-tasks/bare'), { recursive: true })
    const res = await runCli(['readiness'], dir)
    expect(res.code).toBe(0)
    expect(res.stdout).toContain('evalgate readiness of bare, complete:')
    expect(rows(res.stdout)['§2 permission matrix']).toBe('partial')
    expect(linesOf(res.stdout, 2)).toContain('+ complete: identity: delegated_service as svc-refunds')
    expect(linesOf(res.stdout, 2)).toContain('- bare: no identity (identity.model, identity.principal)')
  })
})

describe('evalgate readiness: bad input is exit 2, as file:line problems', () => {
  it('a tasks folder that does not exist', async () => {
    const res = await runCli(['readiness', '--tasks', 'nowhere'], bareProject())
    expect(res.code).toBe(2)
    expect(res.stderr).toContain('tasks folder not found')
    expect(res.stdout).toBe('')
  })

  it('a thresholds file that does not exist', async () => {
    const res = await runCli(['readiness', '--thresholds', 'missing.yml'], bareProject())
    expect(res.code).toBe(2)
    expect(res.stderr).toContain('missing.yml: thresholds file not found')
  })

  it('a manifest with a problem', async () => {
    const dir = bareProject()
    writeFileSync(
      join(dir, 'golden-tasks/bare/workflow.yml'),
      'name: bare\npermissions: {}\nrollout: { phase: live }\nagent: { type: command, command: [node] }\n'
    )
    const res = await runCli(['readiness', '--strict'], dir)
    expect(res.code).toBe(2)
    expect(res.stderr).toMatch(/golden-tasks\/bare\/workflow\.yml:3: .*phase/)
    expect(res.stderr).not.toMatch(/\n\s+at /)
  })

  it('an unknown option names the nearest', async () => {
    const res = await runCli(['readiness', '--strcit'], bareProject())
    expect(res.code).toBe(2)
    expect(res.stderr).toContain("Unknown option '--strcit' (did you mean --strict?)")
  })
})

describe('evalgate help readiness', () => {
  it('prints its options and its exit codes; the overview lists it', async () => {
    const dir = writeProject({})
    const help = await runCli(['help', 'readiness'], dir)
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('Usage: evalgate readiness [--tasks DIR] [--thresholds FILE] [--strict]')
    expect(help.stdout).toContain('Exit codes: 0 scored, 1 a section is missing (with --strict), 2 invalid input.')
    expect((await runCli(['readiness', '--help'], dir)).stdout).toBe(help.stdout)
    expect((await runCli(['--help'], dir)).stdout).toContain('evalgate readiness [--tasks DIR]')
    const typo = await runCli(['readines'], dir)
    expect(typo.code).toBe(2)
    expect(typo.stderr).toContain('unknown command "readines" (did you mean readiness?)')
  })
})

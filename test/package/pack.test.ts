// The package as a user gets it: `npm pack`, installed from the tarball into a fresh folder that has
// its own golden tasks, and run there with npx — offline, with a registry that cannot be reached,
// so that anything the package needed from npm beyond its tarball would fail the install or the run.
import { beforeAll, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { isBuiltin } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { repoRoot, writeProject, type CliResult } from '../helpers/project.js'

const VERSION: string = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).version

const agent = `let raw = ''
process.stdin.on('data', (d) => (raw += d))
process.stdin.on('end', () => {
  const task = JSON.parse(raw)
  process.stdout.write(JSON.stringify({ label: task.input.answer }) + '\\n')
})
`

function tasks(tier: string, count: number, wrong: number): string {
  return Array.from({ length: count }, (_, i) =>
    [
      `- id: ${tier.toLowerCase()}-${i}`,
      `  tier: ${tier}`,
      '  risk: low',
      `  input: { answer: ${i < wrong ? 'wrong' : 'ok'} }`,
      '  expected: { label: ok }'
    ].join('\n')
  ).join('\n')
}

const workflow = (name: string) =>
  [`name: ${name}`, 'permissions: {}', 'agent:', '  type: command', '  command: ["node", "../../agent.mjs"]', ''].join(
    '\n'
  )

/** Runs `command` in `cwd` with npm's settings of this process removed and `env` added. */
function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)))
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...base, ...env } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

describe('the npm package', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'evalgate-pack-'))
  // A registry nobody listens on and an empty npm cache: the install and npx can use nothing but the tarball.
  const offline = {
    npm_config_registry: 'http://127.0.0.1:9/',
    npm_config_cache: join(scratch, 'npm-cache'),
    npm_config_update_notifier: 'false',
    npm_config_audit: 'false',
    npm_config_fund: 'false'
  }
  let tarball: string
  let packed: { name: string; files: { path: string }[] }
  let project: string

  beforeAll(async () => {
    const pack = await run('npm', ['pack', '--json', '--pack-destination', scratch], repoRoot, offline)
    expect(pack.code).toBe(0)
    packed = JSON.parse(pack.stdout)[0]
    tarball = join(scratch, (packed as unknown as { filename: string }).filename)
    project = writeProject({
      'package.json': JSON.stringify({ name: 'my-agent', version: '1.0.0', private: true }),
      'agent.mjs': agent,
      'thresholds.yml': 'tiers:\n  T1: 0.9\n  T2: 0.8\n',
      'golden-tasks/support/workflow.yml': workflow('support'),
      'golden-tasks/support/tasks/t1.yaml': tasks('T1', 5, 0) + '\n',
      'golden-tasks/support/tasks/t2.yaml': tasks('T2', 5, 2) + '\n',
      'broken-tasks/support/workflow.yml': workflow('support'),
      'broken-tasks/support/tasks/t1.yaml': tasks('T1', 1, 0).replace('tier: T1', 'tier: T4') + '\n'
    })
    const install = await run('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], project, offline)
    expect({ code: install.code, stderr: install.stderr }).toEqual({ code: 0, stderr: install.stderr })
  }, 120_000)

  it('holds the bundles, the bin, action.yml, README and LICENSE, and no sources', () => {
    const files = packed.files.map((f) => f.path).sort()
    expect(files).toEqual(
      expect.arrayContaining([
        'LICENSE',
        'README.md',
        'action.yml',
        'bin/evalgate.js',
        'dist/cli.js',
        'dist/index.js',
        'package.json'
      ])
    )
    expect(
      files.filter((f) => /^(src|test|bench|scripts|examples|golden-tasks)\//.test(f) || f.endsWith('.ts'))
    ).toEqual([])
  })

  it('installs nothing but itself: the bundles are self-contained, so it has no dependencies', () => {
    const installed = JSON.parse(readFileSync(join(project, 'node_modules/evalgate/package.json'), 'utf8'))
    expect(installed.dependencies ?? {}).toEqual({})
    expect(installed.name).toBe(packed.name)
    expect(readdirSync(join(project, 'node_modules')).filter((n) => !n.startsWith('.'))).toEqual(['evalgate'])
  })

  it('npx evalgate --version prints the version of package.json', async () => {
    const res = await run('npx', ['--offline', 'evalgate', '--version'], project, offline)
    expect(res).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' })
  })

  it('npx evalgate validate checks the folder’s own golden tasks', async () => {
    const res = await run('npx', ['--offline', 'evalgate', 'validate'], project, offline)
    expect(res.stderr).not.toMatch(/error/i)
    expect(res.stdout).toContain('ok: 1 workflow(s), 10 tasks (T1 5, T2 5)')
    expect(res.code).toBe(0)
  })

  it('npx evalgate validate reports a broken task as file:line: message, exit 2', async () => {
    const res = await run('npx', ['--offline', 'evalgate', 'validate', '--tasks', 'broken-tasks'], project, offline)
    expect(res.code).toBe(2)
    expect(res.stderr).toMatch(/broken-tasks\/support\/tasks\/t1\.yaml:2: .*T4/)
  })

  it('npx evalgate run runs the gate there: report.json, the tier table, exit 1 for a failed gate', async () => {
    const res = await run('npx', ['--offline', 'evalgate', 'run'], project, offline)
    expect(res.code).toBe(1)
    expect(res.stdout).toMatch(/T2 .*60\.0%/)
    const report = JSON.parse(readFileSync(join(project, 'evalgate-report/report.json'), 'utf8'))
    expect({ decision: report.decision, tasks: report.totals.tasks, passed: report.totals.passed }).toEqual({
      decision: 'fail',
      tasks: 10,
      passed: 8
    })
    for (const file of ['summary.md', 'traces.jsonl', 'report.html', 'junit.xml'])
      expect(existsSync(join(project, 'evalgate-report', file))).toBe(true)
  })
})

describe('the bundles', () => {
  it('import nothing but Node built-ins (what the bundler left outside dist/cli.js and dist/index.js)', async () => {
    const out = mkdtempSync(join(tmpdir(), 'evalgate-bundle-'))
    const meta = join(out, 'meta.json')
    const res = await run(process.execPath, ['scripts/bundle.mjs', '--out', out, '--metafile', meta], repoRoot)
    expect(res.code).toBe(0)
    const metafiles: Record<string, { outputs: Record<string, { imports: { path: string; external?: boolean }[] }> }> =
      JSON.parse(readFileSync(meta, 'utf8'))
    const outside = Object.entries(metafiles).flatMap(([bundle, { outputs }]) =>
      Object.values(outputs).flatMap(({ imports }) =>
        // A `node:` specifier names a built-in even where this Node lacks it (undici's cache store
        // loads node:sqlite lazily, on Node 22+).
        imports
          .filter((i) => i.external && !i.path.startsWith('node:') && !isBuiltin(i.path))
          .map((i) => `${bundle}: ${i.path}`)
      )
    )
    expect(outside).toEqual([])
    const externals = Object.values(metafiles).flatMap(({ outputs }) =>
      Object.values(outputs).flatMap(({ imports }) => imports.filter((i) => i.external))
    )
    expect(externals.length).toBeGreaterThan(0)
  })
})

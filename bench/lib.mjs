// Helpers shared by the benchmarks: a generated workflow, timing, peak memory of a child run.
import { mkdtempSync, writeFileSync, mkdirSync, readFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, dirname } from 'node:path'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'

export const root = join(dirname(fileURLToPath(import.meta.url)), '..')
// EVALGATE_CLI: another bundle (e.g. `node scripts/bundle.mjs --out /tmp/d` of a branch) instead of dist/.
export const cli = process.env.EVALGATE_CLI ?? join(root, 'dist', 'cli.js')

/**
 * A throwaway project: one workflow with `count` tasks in one JSONL file (or the given `tasks`,
 * each a golden task object), gated by `tiers` (thresholds.yml's `tiers:` value) and `thresholds`
 * (more thresholds.yml lines).
 */
export function makeProject({
  count,
  tasks,
  agent,
  tiers = '{ T1: 0.9, T2: 0.8 }',
  thresholds = '',
  files = {},
  permissions = ['lookup_order: { scope: read, risk: low }'],
  fixtures
}) {
  const dir = mkdtempSync(join(tmpdir(), 'evalgate-bench-'))
  const wf = join(dir, 'golden-tasks', 'bench')
  mkdirSync(wf, { recursive: true })
  writeFileSync(
    join(wf, 'workflow.yml'),
    [
      'name: bench',
      'inputs: { required: [n] }',
      'permissions:',
      ...permissions.map((line) => `  ${line}`),
      'agent:',
      ...agent.map((line) => `  ${line}`),
      ''
    ].join('\n')
  )
  const lines = (tasks ?? []).map((task) => JSON.stringify(task))
  for (let i = 0; !tasks && i < count; i++) {
    const tier = i % 3 === 0 ? 'T1' : 'T2'
    lines.push(
      JSON.stringify({ id: `b-${i}`, tier, risk: 'low', input: { n: i }, fixtures, expected: { label: 'ok' } })
    )
  }
  writeFileSync(join(wf, 'tasks.jsonl'), lines.join('\n') + '\n')
  for (const [name, content] of Object.entries(files)) writeFileSync(join(wf, name), content)
  writeFileSync(
    join(dir, 'thresholds.yml'),
    `tiers: ${tiers}\nbudgets: { task_timeout_s: 60, max_error_rate: 0.01 }\n${thresholds}`
  )
  return dir
}

/** Starts a local stand-in (a script of bench/ that prints its port when listening). */
export async function startServer(script, env = {}) {
  const server = spawn(process.execPath, [join(root, 'bench', script)], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env }
  })
  const [chunk] = await once(server.stdout, 'data')
  return { server, port: String(chunk).trim() }
}

/**
 * Runs `node dist/cli.js run` in `cwd`; resolves with wall time, peak RSS (MB) and exit code. Its
 * stderr is shown when it exits with a code not in `quietCodes`.
 */
export function runCli(cwd, args, env = {}, quietCodes = [0]) {
  const rssFile = join(cwd, 'rss.txt')
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint()
    const child = spawn(process.execPath, ['--import', join(root, 'bench', 'record-rss.mjs'), cli, 'run', ...args], {
      cwd,
      env: { ...process.env, ...env, EVALGATE_RSS_FILE: rssFile },
      stdio: ['ignore', 'ignore', 'pipe']
    })
    let stderr = ''
    child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)))
    child.on('error', reject)
    child.on('exit', (code) => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9
      if (!quietCodes.includes(code)) process.stderr.write(`evalgate exited ${code}:\n${stderr}\n`)
      if (!existsSync(rssFile))
        return reject(new Error(`evalgate did not finish (exit ${code}): ${stderr.slice(-500)}`))
      const { maxRssKb, cpuUs } = JSON.parse(readFileSync(rssFile, 'utf8'))
      resolve({ seconds, rssMb: maxRssKb / 1024, cpuSeconds: cpuUs / 1e6, code })
    })
  })
}

export function timeShell(command, cwd) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint()
    const child = spawn('/bin/sh', ['-c', command], { cwd, stdio: ['ignore', 'ignore', 'inherit'] })
    child.on('error', reject)
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`${command} exited ${code}`))
      else resolve(Number(process.hrtime.bigint() - start) / 1e9)
    })
  })
}

export function verdict(ok) {
  return ok ? 'OK' : 'OVER TARGET'
}

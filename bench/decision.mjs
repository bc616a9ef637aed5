// npm run bench decision: how often the gate blocks a good agent and catches a bad one when the
// agent is flaky. A local http agent (agent-flaky.mjs) passes each task with a known probability;
// every scenario runs several hundred whole gates through the real engine, once per rule:
// evalgate's default rule and the single-attempt point rule, on the same draws.
//
//   node bench/run.mjs decision [--runs N] [--seed S] [--workers N] [--cli]
//
// --runs N     gate runs per scenario and rule (default 300)
// --seed S     the agent's seed (default 1); same seed, same figures
// --workers N  gate runs at once (default: the number of cores)
// --cli        run each gate as `node dist/cli.js run` (needs `npm run bundle`) instead of
//              in-process with src/run/evaluate.ts bundled to .bench/ (about 5 times faster)
import { spawn } from 'node:child_process'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { readFileSync, rmSync, existsSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { Worker } from 'node:worker_threads'
import { makeProject, startServer, verdict, root, cli } from './lib.mjs'

const THRESHOLD = 0.92
const CONCURRENCY = 8 // evalgate's default --concurrency

/** `count` tasks that pass with probability `p` each. */
const tasksOf = (count, p) => Array.from({ length: count }, () => p)

/** 60 T1 tasks each, as in issue 9's simulation. `good`: the gate should pass it. */
export const SCENARIOS = [
  { name: 'flaky', label: 'good but flaky, 3 points above', ps: [...tasksOf(40, 1), ...tasksOf(20, 0.85)] },
  {
    name: 'broken',
    label: 'the same, 4 always-passing tasks broken',
    ps: [...tasksOf(36, 1), ...tasksOf(4, 0), ...tasksOf(20, 0.85)]
  },
  { name: 'deterministic', label: 'deterministic, near the threshold', ps: [...tasksOf(56, 1), ...tasksOf(4, 0)] },
  { name: 'far-above', label: 'far above', ps: [...tasksOf(48, 1), ...tasksOf(12, 0.95)] },
  { name: 'far-below', label: 'far below', ps: [...tasksOf(40, 1), ...tasksOf(20, 0.25)] }
].map((s) => {
  const truth = s.ps.reduce((a, b) => a + b, 0) / s.ps.length
  return { ...s, truth, good: truth >= THRESHOLD }
})

/**
 * The two rules side by side, as thresholds.yml's `tiers:` value: the one place they are spelled out.
 * `decisionKeys`: whether the engine knows the per-tier `confidence`/`margin`/`max_attempts` keys of
 * issue 9. Until it does, the single-attempt point rule is all it has, and both columns run it.
 */
export function rules(decisionKeys) {
  return [
    { name: 'default', label: "evalgate's default", tiers: `{ T1: ${THRESHOLD} }` },
    {
      name: 'single',
      label: 'single attempt',
      tiers: decisionKeys ? `{ T1: { min_success: ${THRESHOLD}, max_attempts: 1, margin: 0 } }` : `{ T1: ${THRESHOLD} }`
    }
  ]
}

/** What `evalgate run` passes to evaluate() when only --out is given (see src/cli/run-command.ts). */
function evaluateOptions(dir) {
  return {
    tasksDir: join(dir, 'golden-tasks'),
    thresholdsFile: join(dir, 'thresholds.yml'),
    outDir: join(dir, 'out'),
    concurrency: CONCURRENCY,
    repoRoot: dir
  }
}

/** Gates run in-process, one worker thread per lane, with src/run/evaluate.ts bundled to .bench/. */
async function inProcessEngine(workers) {
  const { build } = await import('esbuild')
  const bundle = join(root, '.bench', 'evaluate.js')
  await build({
    entryPoints: [join(root, 'src', 'run', 'evaluate.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    banner: {
      js: "import { createRequire as __evalgateCreateRequire } from 'node:module'; const require = __evalgateCreateRequire(import.meta.url);"
    },
    logLevel: 'warning'
  })
  const pool = await Promise.all(
    Array.from({ length: workers }, async () => {
      const worker = new Worker(join(root, 'bench', 'engine-worker.mjs'), { workerData: { bundle } })
      const pending = new Map()
      let next = 0
      await new Promise((resolve, reject) => {
        worker.once('error', reject)
        worker.once('message', resolve)
      })
      worker.on('message', ({ id, ...result }) => {
        pending.get(id)(result)
        pending.delete(id)
      })
      worker.on('error', (err) => {
        for (const resolve of pending.values()) resolve({ error: `engine worker crashed: ${err?.stack ?? err}` })
        pending.clear()
      })
      return {
        worker,
        run: (dir) =>
          new Promise((resolve) => {
            const id = next++
            pending.set(id, resolve)
            worker.postMessage({ id, options: evaluateOptions(dir) })
          })
      }
    })
  )
  const idle = [...pool]
  return {
    name: `in-process (src/run/evaluate.ts bundled to .bench/), ${workers} worker thread${workers > 1 ? 's' : ''}`,
    /** Resolves {} when the report is written, { error, inputError } when the gate could not run. */
    async run(dir) {
      const lane = idle.pop()
      try {
        return await lane.run(dir)
      } finally {
        idle.push(lane)
      }
    },
    close: () => Promise.all(pool.map(({ worker }) => worker.terminate()))
  }
}

/** Gates run as `node dist/cli.js run`, one child process per lane. */
function cliEngine() {
  return {
    name: '`node dist/cli.js run` per gate',
    run(dir) {
      return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [cli, 'run', '--out', 'out'], {
          cwd: dir,
          stdio: ['ignore', 'ignore', 'pipe']
        })
        let stderr = ''
        child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)))
        child.on('error', reject)
        child.on('exit', (code) => {
          if (code !== null && code <= 2 && existsSync(join(dir, 'out', 'report.json'))) return resolve({})
          const lines = stderr.split('\n').filter((l) => l && !/^evalgate: \d+\/\d+ tasks/.test(l))
          resolve({ error: `exit ${code}: ${lines.join('\n')}`, inputError: code === 2 })
        })
      })
    },
    close: async () => {}
  }
}

async function agentCalls(port, run, rule, method = 'GET') {
  const response = await fetch(`http://127.0.0.1:${port}/calls?run=${run}&rule=${rule}`, { method })
  return response.json()
}

/** One whole gate; resolves with its decision, T1's reported rate and mean attempts per T1 task. */
async function gateRun({ engine, port, scenario, rule, index }) {
  const run = `${scenario.name}-${index}`
  const tasks = scenario.ps.map((p, i) => ({
    id: `task-${i}`,
    tier: 'T1',
    risk: 'low',
    input: { n: i, p },
    expected: { label: 'ok' }
  }))
  const dir = makeProject({
    tasks,
    agent: ['type: http', `url: "http://127.0.0.1:${port}/?run=${run}&rule=${rule.name}"`],
    tiers: rule.tiers
  })
  try {
    const outcome = await engine.run(dir)
    if (outcome.error) {
      const err = new Error(`${scenario.name}, ${rule.name} rule, run ${index}: ${outcome.error}`)
      err.inputError = outcome.inputError
      throw err
    }
    const report = JSON.parse(readFileSync(join(dir, 'out', 'report.json'), 'utf8'))
    const calls = await agentCalls(port, run, rule.name, 'DELETE')
    const t1 = report.tiers.find((t) => t.tier === 'T1')
    const t1Tasks = report.tasks.filter((t) => t.tier === 'T1')
    // The agent's count of calls is the attempt number it drew with: it must be what evalgate reports.
    for (const task of t1Tasks)
      if (calls[task.id] !== task.attempts.total)
        throw new Error(
          `${run} (${rule.name}): ${task.id} reports ${task.attempts.total} attempts, the agent counted ${calls[task.id]}`
        )
    const attempts = t1Tasks.reduce((sum, t) => sum + t.attempts.total, 0) / t1Tasks.length
    return { decision: report.decision, rate: t1.success_rate, attempts }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Whether the engine takes `max_attempts: 1, margin: 0` in a tier; the error when it does not. */
async function probeDecisionKeys(engine, port) {
  const scenario = { name: 'probe', ps: [1] }
  const [, point] = rules(true)
  try {
    await gateRun({ engine, port, scenario, rule: point, index: 0 })
    return { decisionKeys: true }
  } catch (err) {
    const unknown = err.inputError && /unknown field[^\n]*/.exec(err.message)
    if (unknown) return { decisionKeys: false, why: unknown[0] }
    throw err
  }
}

function summarize(scenario, rule, runs) {
  const n = runs.length
  const blocked = runs.filter((r) => r.decision === 'fail').length / n
  const errors = runs.filter((r) => r.decision === 'error').length
  const attempts = runs.reduce((s, r) => s + r.attempts, 0) / n
  const bias = (runs.reduce((s, r) => s + r.rate, 0) / n - scenario.truth) * 100
  return { scenario, rule, n, blocked, se: Math.sqrt((blocked * (1 - blocked)) / n), errors, attempts, bias }
}

const pct = (x, digits = 1) => `${(x * 100).toFixed(digits)}%`
const points = (x) => {
  const shown = Math.abs(x).toFixed(2)
  return `${x < 0 && Number(shown) > 0 ? '−' : '+'}${shown} pt`
}

function table(cells) {
  const rows = [
    '| scenario (60 T1 tasks, threshold 92%) | true T1 | rule | blocked | attempts/task | bias of reported rate |',
    '|---|---|---|---|---|---|'
  ]
  for (const c of cells) {
    const first = c.rule === cells.find((d) => d.scenario === c.scenario).rule
    const what = c.scenario.good ? 'false block' : 'caught'
    const errors = c.errors ? `, ${c.errors} error` : ''
    rows.push(
      `| ${first ? c.scenario.label : ''} | ${first ? pct(c.scenario.truth) : ''} | ${c.rule.label} | ${what} ${pct(c.blocked)} ± ${(c.se * 100).toFixed(1)}${errors} | ${c.attempts.toFixed(2)} | ${points(c.bias)} |`
    )
  }
  return rows.join('\n')
}

function verdicts(cells, decisionKeys) {
  const cell = (scenario, rule) => cells.find((c) => c.scenario.name === scenario && c.rule.name === rule)
  const both = (scenario, f) => `${f(cell(scenario, 'default'))} (single attempt ${f(cell(scenario, 'single'))})`
  const rate = (c) => `${pct(c.blocked)} ± ${(c.se * 100).toFixed(1)}`
  const flaky = cell('flaky', 'default')
  const broken = cell('broken', 'default')
  const deterministic = cell('deterministic', 'default')
  const worst = cells
    .filter((c) => c.rule.name === 'default')
    .reduce((a, b) => (Math.abs(b.bias) > Math.abs(a.bias) ? b : a))
  const lines = [
    `decision target: unchanged good-but-flaky agent blocked <= 5% (today 20%): ${both('flaky', rate)} ${verdict(flaky.blocked <= 0.05)}`,
    `decision target: broken-tasks regression caught >= 95%: ${both('broken', rate)} ${verdict(broken.blocked >= 0.95)}`,
    `decision target: <= 3 attempts per task for the flaky agent: ${both('flaky', (c) => c.attempts.toFixed(2))} ${verdict(flaky.attempts <= 3)}`,
    `decision target: <= 2 attempts per task for the deterministic agent: ${both('deterministic', (c) => c.attempts.toFixed(2))} ${verdict(deterministic.attempts <= 2)}`,
    `decision target: mean reported T1 rate within 1.5 points of the true rate, every scenario: worst ${points(worst.bias)} (${worst.scenario.name}) ${verdict(Math.abs(worst.bias) <= 1.5)}`
  ]
  if (decisionKeys && flaky.attempts === 1)
    lines.push(
      'decision: WARNING the default rule took no extra attempt on the flaky agent: does evaluateOptions() still pass what `evalgate run` passes without --repeat?'
    )
  return decisionKeys ? lines : lines.map((line) => `${line} [engine: single-attempt rule only]`)
}

export async function decision(results, args) {
  const { values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      runs: { type: 'string', default: '300' },
      seed: { type: 'string', default: '1' },
      workers: { type: 'string', default: String(availableParallelism()) },
      cli: { type: 'boolean', default: false }
    }
  })
  const runs = Number(values.runs)
  const workers = Number(values.workers)
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, got ${values.runs}`)
  if (!Number.isInteger(workers) || workers < 1)
    throw new Error(`--workers must be a positive integer, got ${values.workers}`)

  const started = process.hrtime.bigint()
  const { server, port } = await startServer('agent-flaky.mjs', { SEED: values.seed })
  const engine = values.cli ? cliEngine() : await inProcessEngine(workers)
  try {
    const probe = await probeDecisionKeys(engine, port)
    const ruleSet = rules(probe.decisionKeys)
    const jobs = SCENARIOS.flatMap((scenario) =>
      ruleSet.flatMap((rule) => Array.from({ length: runs }, (_, index) => ({ scenario, rule, index })))
    )
    const outcomes = new Array(jobs.length)
    let next = 0
    const lane = async () => {
      while (next < jobs.length) {
        const i = next++
        outcomes[i] = await gateRun({ engine, port, ...jobs[i] })
      }
    }
    const gatesStarted = process.hrtime.bigint()
    await Promise.all(Array.from({ length: workers }, lane))
    const gateSeconds = Number(process.hrtime.bigint() - gatesStarted) / 1e9

    const cells = SCENARIOS.flatMap((scenario) =>
      ruleSet.map((rule) =>
        summarize(
          scenario,
          rule,
          outcomes.filter((_, i) => jobs[i].scenario === scenario && jobs[i].rule === rule)
        )
      )
    )
    const seconds = Number(process.hrtime.bigint() - started) / 1e9
    console.log(
      `decision: ${runs} gate runs per scenario and rule, agent seed ${values.seed}; engine: ${engine.name}\n` +
        (probe.decisionKeys
          ? `rules: default = T1: ${THRESHOLD} (evalgate's defaults); single attempt = ${ruleSet[1].tiers}\n`
          : `rules: this engine has no decision keys yet (thresholds.yml: ${probe.why}):\n` +
            `  BOTH COLUMNS RUN THE SINGLE-ATTEMPT POINT RULE (T1: ${THRESHOLD})\n`) +
        `blocked = the gate's decision is fail; ± one standard error over the runs. Both rules of a run see the same agent draws.\n`
    )
    console.log(table(cells) + '\n')
    results.push(...verdicts(cells, probe.decisionKeys))
    results.push(
      `decision: ${jobs.length} gate runs, ${workers} at once, in ${gateSeconds.toFixed(1)}s (${((gateSeconds * 1000) / jobs.length).toFixed(1)} ms per gate run); ${seconds.toFixed(1)}s in all`
    )
  } finally {
    await engine.close()
    server.kill()
  }
}

// npm run bench -- tau: evalgate's grades against tau-bench's own reward rule on gold and perturbed
// trajectories (issue 15). With TAU_BENCH_DIR (a tau-bench checkout) on its retail test tasks; without
// it on test/fixtures/tau-slice. Converts the tasks (examples/tau-retail/convert.py), makes the
// trajectories (perturb.py), scores each with reward.py, runs evalgate once per kind with the
// trajectory-replaying agent, and counts per kind the tasks where evalgate's pass equals reward 1.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cli, root, runCli } from './lib.mjs'

const EXAMPLE = join(root, 'examples', 'tau-retail')
const SLICE = join(root, 'test', 'fixtures', 'tau-slice')
const TARGET = 0.99

function python(script, args, options = {}) {
  return execFileSync('python3', [join(EXAMPLE, script), ...args], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
    ...options
  })
}

const jsonLines = (text) =>
  text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line))

/** Per-kind agreement of evalgate with reward.py over `checkout`; `log` gets progress lines. */
export async function tauAgreement(checkout, { concurrency = 4, log = () => {} } = {}) {
  const work = mkdtempSync(join(tmpdir(), 'evalgate-tau-'))
  const project = join(work, 'project')
  log(python('convert.py', [checkout, project]).trim())
  const trajectoriesFile = join(work, 'trajectories.jsonl')
  writeFileSync(trajectoriesFile, python('perturb.py', ['--tau', checkout]))
  const trajectories = jsonLines(readFileSync(trajectoriesFile, 'utf8'))
  log(`perturb.py: ${trajectories.length} trajectories`)
  const rewards = jsonLines(python('reward.py', ['--tau', checkout, trajectoriesFile]))
  const tasksFile = join(project, 'golden-tasks', 'tau_retail', 'tasks', 'test.jsonl')
  const tasks = new Map(jsonLines(readFileSync(tasksFile, 'utf8')).map((task) => [task.id, task]))

  const kinds = [...new Set(trajectories.map((t) => t.kind))]
  const rows = []
  for (const kind of kinds) {
    const cases = trajectories.map((t, i) => ({ t, reward: rewards[i].reward })).filter(({ t }) => t.kind === kind)
    const file = join(work, `${kind}.jsonl`)
    writeFileSync(file, cases.map(({ t }) => JSON.stringify(t)).join('\n') + '\n')
    // Only the tasks this kind applies to, in the one project.
    writeFileSync(tasksFile, cases.map(({ t }) => JSON.stringify(tasks.get(t.task_id))).join('\n') + '\n')
    const out = join(work, `out-${kind}`)
    // Exit 1 is a failed gate, what most perturbations should give.
    const run = await runCli(
      project,
      ['--repeat', '1', '--concurrency', String(concurrency), '--out', out],
      { TAU_TRAJECTORIES: file },
      [0, 1]
    )
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'))
    const status = new Map(report.tasks.map((task) => [task.id, task]))
    const row = { kind, cases: cases.length, agree: 0, tauPass: 0, evalgatePass: 0, errors: 0, disagreements: [] }
    for (const { t, reward } of cases) {
      const graded = status.get(t.task_id)
      const passed = graded?.status === 'pass'
      if (graded?.status === 'error') row.errors++
      if (reward === 1) row.tauPass++
      if (passed) row.evalgatePass++
      if (passed === (reward === 1)) row.agree++
      else
        row.disagreements.push({
          task: t.task_id,
          note: t.note,
          reward,
          status: graded?.status,
          reasons: graded?.reasons
        })
    }
    log(`${kind}: ${row.agree}/${row.cases} agree (${run.seconds.toFixed(1)}s)`)
    rows.push(row)
  }
  writeFileSync(tasksFile, [...tasks.values()].map((task) => JSON.stringify(task)).join('\n') + '\n')
  return { rows, work }
}

export async function tau(results, options = []) {
  const checkout = process.env.TAU_BENCH_DIR
  const source = checkout
    ? `tau-bench checkout ${checkout}`
    : `the slice ${SLICE} (set TAU_BENCH_DIR=<a tau-bench checkout> for the real tasks)`
  console.error(`tau: ${source}; evalgate ${process.env.EVALGATE_CLI ?? cli}`)
  const concurrency = Number(options[options.indexOf('--concurrency') + 1]) || 4
  const { rows, work } = await tauAgreement(checkout ?? SLICE, {
    concurrency,
    log: (line) => console.error(`  ${line}`)
  })
  const cases = rows.reduce((sum, row) => sum + row.cases, 0)
  const agree = rows.reduce((sum, row) => sum + row.agree, 0)
  const share = agree / cases
  for (const row of rows) {
    results.push(
      `tau ${row.kind}: ${row.agree}/${row.cases} agree (tau-bench reward 1: ${row.tauPass}, evalgate pass: ${row.evalgatePass}${row.errors ? `, error: ${row.errors}` : ''})`
    )
    for (const d of row.disagreements.slice(0, 5))
      results.push(
        `  ${d.task}${d.note ? ` (${d.note})` : ''}: reward ${d.reward}, evalgate ${d.status}: ${(d.reasons ?? []).join('; ')}`
      )
  }
  results.push(
    `tau: ${checkout ? 'retail test tasks' : 'slice'}: evalgate agrees with tau-bench's reward on ${agree}/${cases} trajectories (${(share * 100).toFixed(1)}%, target >= ${TARGET * 100}%) ${share >= TARGET ? 'OK' : 'UNDER TARGET'}; files in ${work}`
  )
}

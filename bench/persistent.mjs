// Persistent command agents against one process per task (issue 16): the bundled example, and a
// Python agent whose import takes 1 s, each both ways in the same run.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { makeProject, root, runCli, verdict } from './lib.mjs'

/** A copy of the bundled example (tasks, agent, thresholds), persistent as shipped or not. */
function bundledExample(persistent) {
  const dir = mkdtempSync(join(tmpdir(), 'evalgate-bench-'))
  for (const part of ['golden-tasks', 'examples', 'thresholds.yml'])
    cpSync(join(root, part), join(dir, part), { recursive: true })
  const manifest = join(dir, 'golden-tasks', 'refund_request_v2', 'workflow.yml')
  const text = readFileSync(manifest, 'utf8')
  if (!/^ {2}persistent: true$/m.test(text)) throw new Error('the bundled workflow.yml no longer sets persistent: true')
  if (!persistent) writeFileSync(manifest, text.replace(/^ {2}persistent: true\n/m, ''))
  return dir
}

const PYTHON_WORK_S = 0.1
const PYTHON_IMPORT_S = 1
const pythonAgent = `import json, sys, time
time.sleep(${PYTHON_IMPORT_S})  # the import of an agent framework
for line in sys.stdin:
    if line.strip():
        task = json.loads(line)
        time.sleep(${PYTHON_WORK_S})  # the task's work
        print(json.dumps({"task_id": task["task_id"], "label": "ok"}), flush=True)
`

export async function persistent(results) {
  const perTask = await runCli(bundledExample(false), ['--out', 'out'])
  const kept = await runCli(bundledExample(true), ['--out', 'out'])
  const ratio = perTask.seconds / kept.seconds
  results.push(
    `persistent: the bundled example (216 tasks, adaptive rounds, default concurrency): per task ${perTask.seconds.toFixed(2)}s, persistent ${kept.seconds.toFixed(2)}s, ${ratio.toFixed(1)}x faster (target >= 5x) ${verdict(ratio >= 5)}`
  )

  // t2-tool-fault-001's tool never answers: the agent waits for its own 2 s timeout twice (a retry),
  // in each round, whatever starts the agent. Without it the figure is the cost of starting processes.
  const filter = ['--filter', 'tag!=timeout']
  const perTaskFiltered = await runCli(bundledExample(false), ['--out', 'out', ...filter])
  const keptFiltered = await runCli(bundledExample(true), ['--out', 'out', ...filter])
  const filteredRatio = perTaskFiltered.seconds / keptFiltered.seconds
  results.push(
    `persistent: the bundled example without its never-answering tool (--filter tag!=timeout): per task ${perTaskFiltered.seconds.toFixed(2)}s, persistent ${keptFiltered.seconds.toFixed(2)}s, ${filteredRatio.toFixed(1)}x faster`
  )

  const count = 200
  const concurrency = 8
  const python = (lines) =>
    makeProject({
      count,
      agent: ['type: command', 'command: [python3, agent.py]', ...lines],
      files: { 'agent.py': pythonAgent }
    })
  const args = ['--concurrency', String(concurrency), '--repeat', '1', '--out', 'out']
  const pyPerTask = await runCli(python([]), args)
  const pyKept = await runCli(python(['persistent: true']), args)
  const ideal = (count * PYTHON_WORK_S) / concurrency + PYTHON_IMPORT_S
  const pyRatio = pyKept.seconds / ideal
  results.push(
    `persistent: a Python agent with a ${PYTHON_IMPORT_S} s import and ${PYTHON_WORK_S} s of work per task, ${count} tasks at concurrency ${concurrency}: per task ${pyPerTask.seconds.toFixed(2)}s, persistent ${pyKept.seconds.toFixed(2)}s (${(pyPerTask.seconds / pyKept.seconds).toFixed(1)}x faster); ideal ${ideal.toFixed(2)}s, ratio ${pyRatio.toFixed(2)} (target <= 1.5) ${verdict(pyRatio <= 1.5)}`
  )
}

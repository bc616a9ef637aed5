// npm run bench: the speed targets of the issues, measured on this machine.
import { join } from 'node:path'
import { makeProject, runCli, startServer, timeShell, verdict, root } from './lib.mjs'
import { decision } from './decision.mjs'
import { startup } from './startup.mjs'
import { scale } from './scale.mjs'
import { tau } from './tau.mjs'

const [only, ...options] = process.argv.slice(2)
const results = []
const agentScript = join(root, 'bench', 'agent-trivial.mjs')

async function commandAgents() {
  const count = 1000
  const dir = makeProject({ count, agent: ['type: command', `command: ["${process.execPath}", "${agentScript}"]`] })
  const xargs = await timeShell(
    `seq ${count} | xargs -P 8 -n 1 "${process.execPath}" "${agentScript}" > /dev/null`,
    dir
  )
  const run = await runCli(dir, ['--concurrency', '8', '--out', 'out'])
  const ratio = run.seconds / xargs
  results.push(
    `command agents: ${count} tasks at concurrency 8: evalgate ${run.seconds.toFixed(2)}s, xargs -P 8 ${xargs.toFixed(2)}s, ratio ${ratio.toFixed(3)} (target <= 1.2) ${verdict(ratio <= 1.2)}`
  )
}

async function httpAgents() {
  const { server, port } = await startServer('agent-http.mjs')
  try {
    const count = 2000
    const dir = makeProject({ count, agent: ['type: http', `url: http://127.0.0.1:${port}/`] })
    const run = await runCli(dir, ['--concurrency', '32', '--out', 'out'])
    const ideal = (count * 0.1) / 32
    const ratio = run.seconds / ideal
    results.push(
      `http agents: ${count} tasks at concurrency 32, 100 ms each: ${run.seconds.toFixed(2)}s vs ideal ${ideal.toFixed(2)}s, ratio ${ratio.toFixed(3)} (target <= 1.15) ${verdict(ratio <= 1.15)}; peak RSS ${run.rssMb.toFixed(0)} MB`
    )
  } finally {
    server.kill()
  }
}

async function memory() {
  const { server, port } = await startServer('agent-http.mjs', { DELAY_MS: '1' })
  try {
    for (const count of [2000, 20000]) {
      const dir = makeProject({ count, agent: ['type: http', `url: http://127.0.0.1:${port}/`] })
      const run = await runCli(dir, ['--concurrency', '32', '--out', 'out'])
      results.push(`memory: ${count} tasks: peak RSS ${run.rssMb.toFixed(0)} MB (${run.seconds.toFixed(1)}s)`)
    }
    // Peak RSS mostly measures how lazily V8 collects; a capped heap shows what is really retained.
    const dir = makeProject({ count: 20000, agent: ['type: http', `url: http://127.0.0.1:${port}/`] })
    const capped = await runCli(dir, ['--concurrency', '32', '--out', 'out'], {
      NODE_OPTIONS: '--max-old-space-size=80'
    })
    results.push(
      `memory: 20000 tasks with the JS heap capped at 80 MB: exit ${capped.code}, peak RSS ${capped.rssMb.toFixed(0)} MB (${capped.seconds.toFixed(1)}s)`
    )
  } finally {
    server.kill()
  }
}

function openaiProject(count, port) {
  const tools = [
    {
      type: 'function',
      function: { name: 'lookup_order', parameters: { type: 'object', properties: { order_id: { type: 'string' } } } }
    },
    {
      type: 'function',
      function: { name: 'send_reply', parameters: { type: 'object', properties: { text: { type: 'string' } } } }
    }
  ]
  return makeProject({
    count,
    agent: [
      'type: openai',
      'model: bench-model',
      'prompt: prompt.md',
      'tools: tools.json',
      `base_url: http://127.0.0.1:${port}/v1`
    ],
    permissions: ['lookup_order: { scope: read, risk: low }', 'send_reply: { scope: write, risk: low }'],
    fixtures: { lookup_order: { status: 'delivered' }, send_reply: { sent: true } },
    files: { 'prompt.md': 'You are a benchmark agent.', 'tools.json': JSON.stringify(tools) },
    thresholds: 'pricing:\n  bench-model: { input_per_mtok: 0.4, output_per_mtok: 1.6 }\n'
  })
}

async function openaiAgents() {
  const { server, port } = await startServer('fake-openai.mjs', { DELAY_MS: '50' })
  try {
    const count = 2000
    const dir = openaiProject(count, port)
    const run = await runCli(dir, ['--concurrency', '32', '--out', 'out'], { OPENAI_API_KEY: 'bench-key' })
    const calls = count * 3
    const ideal = (calls * 0.05) / 32
    const ratio = run.seconds / ideal
    const cpuPerCallMs = (run.cpuSeconds * 1000) / calls
    results.push(
      `openai agents: ${count} tasks x 3 model calls at concurrency 32, 50 ms each: ${run.seconds.toFixed(2)}s vs ideal ${ideal.toFixed(2)}s, ratio ${ratio.toFixed(3)} (target <= 1.10) ${verdict(ratio <= 1.1)}; ` +
        `evalgate CPU ${cpuPerCallMs.toFixed(3)} ms per model call (target < 1) ${verdict(cpuPerCallMs < 1)} (includes start-up, loading, sandbox, grading, traces)`
    )
  } finally {
    server.kill()
  }
}

async function openaiMemory() {
  const { server, port } = await startServer('fake-openai.mjs', { DELAY_MS: '1' })
  try {
    const count = 10000
    const dir = openaiProject(count, port)
    const run = await runCli(dir, ['--concurrency', '32', '--out', 'out'], { OPENAI_API_KEY: 'bench-key' })
    results.push(
      `openai memory: ${count} tasks x 3 model calls: peak RSS ${run.rssMb.toFixed(0)} MB (target < 300) ${verdict(run.rssMb < 300)} (${run.seconds.toFixed(1)}s)`
    )
  } finally {
    server.kill()
  }
}

const suites = {
  command: commandAgents,
  http: httpAgents,
  memory,
  openai: openaiAgents,
  'openai-memory': openaiMemory,
  startup: () => startup(results),
  decision: () => decision(results, options),
  persistent: async () => (await import('./persistent.mjs')).persistent(results),
  tau: () => tau(results, options),
  scale: () => scale(results, options)
}
const help = `usage: node bench/run.mjs [case] [options]   (npm run bench -- [case] [options]); no case: all of them
  command        1,000 tasks of a trivial command agent, concurrency 8, against xargs -P 8
  http           2,000 tasks of an http agent answering in 100 ms, concurrency 32, against the ideal time
  memory         peak RSS of 2,000 and 20,000 http tasks, and 20,000 with the JS heap capped at 80 MB
  openai         2,000 openai tasks x 3 model calls of 50 ms: wall time and evalgate CPU per model call
  openai-memory  peak RSS of 10,000 openai tasks
  persistent     persistent vs per-task command agents: the bundled example; a Python agent with a 1 s import, 200 tasks
  decision       a flaky agent with known per-task pass rates, 5 scenarios x 300 whole gates each, evalgate's
                 default rule vs the single-attempt point rule: false-block and detection rates, attempts per
                 task, bias of the reported rate (45 s on 2 cores at one attempt per task, ~90 s at five)
                 options: --runs N (300) --seed S (1) --workers N (cores) --cli (each gate as node dist/cli.js run)
  tau            evalgate's grades against tau-bench's reward rule on gold and perturbed trajectories
                 (examples/tau-retail): with TAU_BENCH_DIR=<tau-bench checkout> its 115 retail test tasks,
                 else the slice test/fixtures/tau-slice; options: --concurrency N (4)
  scale          1,000 / 20,000 / 100,000 http tasks of 1 ms: peak RSS (target < 300 MB at 100k) and time; report.html
                 size and time to open in Chromium at the largest; option: --counts 1000,20000
  startup        start-up time: validate on the bundled example, cold and with its load cache (target < 0.2 s),
                 --help, run to its first task, each
                 against bare node`
if (only === '--help' || only === '-h' || only === 'help') {
  console.log(help)
  process.exit(0)
}
if (only && !(only in suites)) {
  console.error(`unknown case "${only}"\n${help}`)
  process.exit(2)
}
for (const [name, suite] of Object.entries(suites)) {
  if (only && only !== name) continue
  const before = results.length
  await suite()
  for (const line of results.slice(before)) console.log(line)
}
console.log('\n' + results.join('\n'))

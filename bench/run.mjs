// npm run bench: the speed targets of the issues, measured on this machine.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { join } from 'node:path'
import { makeProject, runCli, timeShell, verdict, root } from './lib.mjs'

const only = process.argv[2]
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
  const server = spawn(process.execPath, [join(root, 'bench', 'agent-http.mjs')], {
    stdio: ['ignore', 'pipe', 'inherit']
  })
  const [chunk] = await once(server.stdout, 'data')
  const port = String(chunk).trim()
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
  const server = spawn(process.execPath, [join(root, 'bench', 'agent-http.mjs')], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, DELAY_MS: '1' }
  })
  const [chunk] = await once(server.stdout, 'data')
  const port = String(chunk).trim()
  try {
    for (const count of [2000, 20000]) {
      const dir = makeProject({ count, agent: ['type: http', `url: http://127.0.0.1:${port}/`] })
      const run = await runCli(dir, ['--concurrency', '32', '--out', 'out'])
      results.push(`memory: ${count} tasks: peak RSS ${run.rssMb.toFixed(0)} MB (${run.seconds.toFixed(1)}s)`)
    }
  } finally {
    server.kill()
  }
}

const suites = { command: commandAgents, http: httpAgents, memory }
for (const [name, suite] of Object.entries(suites)) {
  if (only && only !== name) continue
  await suite()
  console.log(results[results.length - 1])
}
console.log('\n' + results.join('\n'))

// npm run bench -- startup: the fixed cost of starting evalgate (issue 16 item 3), each case the
// median of several runs of dist/cli.js beside bare Node started the same way.
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cli, makeProject, root, verdict } from './lib.mjs'

const RUNS = 11

// A command agent that appends when its process started (epoch ms), then answers.
const STAMPING_AGENT = `import { appendFileSync } from 'node:fs'
appendFileSync(process.argv[2], performance.timeOrigin + '\\n')
let input = ''
process.stdin.on('data', (d) => (input += d))
process.stdin.on('end', () => process.stdout.write('{"label":"ok"}\\n'))
`

/** Seconds from spawning `node ...args` in `cwd` to its exit (which must be `code`). */
function timeNode(args, cwd, code = 0, env = process.env, node = process.execPath) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint()
    const child = spawn(node, args, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-2000)))
    child.on('error', reject)
    child.on('exit', (exit) => {
      if (exit !== code) reject(new Error(`node ${args.join(' ')} exited ${exit}, not ${code}: ${stderr}`))
      else resolve(Number(process.hrtime.bigint() - started) / 1e9)
    })
  })
}

/** Seconds from spawning `evalgate run` to the start of its first agent process. */
async function timeToFirstTask(dir, stamps) {
  writeFileSync(stamps, '')
  const started = performance.timeOrigin + performance.now()
  await timeNode([cli, 'run', '--concurrency', '1', '--out', 'out'], dir)
  const first = Math.min(...readFileSync(stamps, 'utf8').trim().split('\n').map(Number))
  return (first - started) / 1000
}

async function median(measure) {
  const times = []
  for (let i = 0; i < RUNS; i++) times.push(await measure())
  return middle(times)
}

function middle(times) {
  return [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]
}

/**
 * The Node 24 the action runs on, beside the Node that runs the benchmark: BENCH_NODE24, else the
 * one `npx node@24` gives (as `npm run test:node24` uses it), else none.
 */
function node24() {
  if (process.versions.node.startsWith('24.')) return undefined
  if (process.env.BENCH_NODE24) return process.env.BENCH_NODE24
  const found = spawnSync('npx', ['--yes', 'node@24', '-p', 'process.execPath'], { encoding: 'utf8', timeout: 120_000 })
  return found.status === 0 ? found.stdout.trim() : undefined
}

/**
 * Validate on the example from cold (--no-cache: every file read and checked) and with the load
 * cache of a run before (outside CI: src/load/load-cache.ts) in a cache folder of its own, beside
 * bare `node -e 0`: the three in turn, RUNS times.
 */
async function validateTimes(node) {
  const cacheDir = mkdtempSync(join(tmpdir(), 'evalgate-bench-cache-'))
  const outsideCi = { ...process.env, CI: '', GITHUB_ACTIONS: '', EVALGATE_NO_CACHE: '', EVALGATE_CACHE_DIR: cacheDir }
  await timeNode([cli, 'validate'], root, 0, outsideCi, node)
  const runs = { bare: [], cold: [], cached: [] }
  for (let i = 0; i < RUNS; i++) {
    runs.bare.push(await timeNode(['-e', '0'], root, 0, process.env, node))
    runs.cold.push(await timeNode([cli, 'validate', '--no-cache'], root, 0, process.env, node))
    runs.cached.push(await timeNode([cli, 'validate'], root, 0, outsideCi, node))
  }
  rmSync(cacheDir, { recursive: true, force: true })
  return { bare: middle(runs.bare), cold: middle(runs.cold), cached: middle(runs.cached) }
}

export async function startup(results) {
  const bare = await median(() => timeNode(['-e', '0'], root))
  const help = await median(() => timeNode([cli, '--help'], root))
  const dir = makeProject({
    count: 3,
    agent: ['type: command', `command: ["${process.execPath}", "agent-stamp.mjs", "stamps.txt"]`],
    files: { 'agent-stamp.mjs': STAMPING_AGENT }
  })
  const stamps = join(dir, 'golden-tasks', 'bench', 'stamps.txt')
  const firstTask = await median(() => timeToFirstTask(dir, stamps))
  const plus = (s, base = bare) => `${s.toFixed(3)}s (+${(s - base).toFixed(3)}s over bare node)`
  results.push(
    `startup: bare node -e 0 ${bare.toFixed(3)}s; evalgate --help ${plus(help)}; ` +
      `run to its first task ${plus(firstTask)} (median of ${RUNS})`
  )
  const runtimes = [[`Node ${process.versions.node}`, process.execPath]]
  const other = node24()
  if (other) runtimes.push([`Node 24 (the action's runtime)`, other])
  else results.push('startup: no Node 24 found (BENCH_NODE24 or `npx node@24`): validate measured on this Node only')
  for (const [name, node] of runtimes) {
    const t = await validateTimes(node)
    results.push(
      `startup: evalgate validate on the bundled example on ${name}, bare node ${t.bare.toFixed(3)}s; ` +
        `cold (--no-cache) ${plus(t.cold, t.bare)}; with its load cache written by a run before ${plus(t.cached, t.bare)}; ` +
        `medians of ${RUNS} (target < 0.2): cold ${verdict(t.cold < 0.2)}, cached ${verdict(t.cached < 0.2)}`
    )
  }
}

// A flaky http agent for the `decision` benchmark: each task passes with a known probability.
// The task input carries `p`; the URL query carries the gate run (`run`) and the rule it is judged
// by (`rule`). evalgate does not say which attempt a call is, so the agent counts the calls per
// (run, rule, task): the nth call is attempt n. Its outcome is a seeded draw u in [0, 1) keyed by
// (SEED, run, task, attempt) — the rule is left out of the key, so both rules of one run see the
// same draws (common random numbers: the columns differ by the rule alone). u < p answers the
// expected label 'ok', anything else 'wrong'.
// GET /calls?run=R&rule=X answers the attempts counted for that gate run, per task; DELETE also
// forgets them.
import { createServer } from 'node:http'
import { createHash } from 'node:crypto'

const seed = process.env.SEED ?? '1'
const calls = new Map() // `${run}\u0000${rule}` -> Map(task id -> calls so far)

/** A uniform draw in [0, 1) from 52 bits of SHA-256 of the key. */
function draw(...key) {
  const digest = createHash('sha256').update(key.join('\u0000')).digest()
  return (digest.readUIntBE(0, 6) * 16 + (digest[6] >> 4)) / 2 ** 52
}

function answer(res, status, value) {
  res.writeHead(status, { 'content-type': 'application/json' })
  res.end(JSON.stringify(value))
}

const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://agent')
  const run = url.searchParams.get('run') ?? ''
  const gate = `${run}\u0000${url.searchParams.get('rule') ?? ''}`
  if ((req.method === 'GET' || req.method === 'DELETE') && url.pathname === '/calls') {
    req.resume()
    const counted = Object.fromEntries(calls.get(gate) ?? [])
    if (req.method === 'DELETE') calls.delete(gate)
    return answer(res, 200, counted)
  }
  let body = ''
  req.setEncoding('utf8')
  req.on('data', (chunk) => (body += chunk))
  req.on('end', () => {
    let payload
    try {
      payload = JSON.parse(body)
    } catch {
      return answer(res, 400, { error: 'body is not JSON' })
    }
    const p = Number(payload?.input?.p)
    if (!run || !(p >= 0 && p <= 1)) return answer(res, 400, { error: 'needs ?run= and input.p in [0, 1]' })
    let tasks = calls.get(gate)
    if (!tasks) calls.set(gate, (tasks = new Map()))
    const attempt = (tasks.get(payload.task_id) ?? 0) + 1
    tasks.set(payload.task_id, attempt)
    const passes = draw(seed, run, payload.task_id, attempt) < p
    answer(res, 200, { label: passes ? 'ok' : 'wrong' })
  })
})
server.keepAliveTimeout = 60000
server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`))

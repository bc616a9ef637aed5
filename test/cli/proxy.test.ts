// `evalgate run` behind a proxy, through dist/cli.js: an openai agent and its judge on an https
// endpoint only the proxy can resolve, reached through a CONNECT tunnel with the proxy's
// credentials; a proxy that is down or refuses is named in the error, its credentials never.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { connect, type AddressInfo, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServer as createTlsServer, type Server as TlsServer } from 'node:tls'
import { answerReply, FakeOpenAI, toolCallsReply, type ReceivedRequest, type Reply } from '../helpers/fake-openai.js'
import { FakeProxy } from '../helpers/fake-proxy.js'
import { closedPort } from '../helpers/ports.js'
import { runCli, writeProject, type CliResult } from '../helpers/project.js'

const KEY = 'sk-test-secret-key-proxy-0123456789'
const PASSWORD = 'cli-pr0xy-Passw0rd'
const HOST = 'model.evalgate.test'

let fake: FakeOpenAI
let tls: TlsServer
let tlsPort: number
let certFile: string
const sockets = new Set<Socket>()

/** Looks the order up, then answers; the judge passes. */
function script(request: ReceivedRequest): Reply {
  const system = String(request.body.messages[0]?.content ?? '')
  if (system.includes('judge') || system.includes('grade')) return answerReply({ pass: true, reason: 'apologises' })
  const toolResults = request.body.messages.filter((m: { role: string }) => m.role === 'tool').length
  if (toolResults === 0) return toolCallsReply([{ name: 'lookup_order', args: { order_id: 'O-1' } }])
  return answerReply({ label: 'ok', escalated: false, message: 'so sorry' })
}

beforeAll(async () => {
  // A certificate for model.evalgate.test, trusted by the CLI through NODE_EXTRA_CA_CERTS (as a
  // proxy that inspects TLS would need).
  const dir = mkdtempSync(join(tmpdir(), 'evalgate-tls-'))
  certFile = join(dir, 'cert.pem')
  const keyFile = join(dir, 'key.pem')
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', `/CN=${HOST}`,
    '-addext', `subjectAltName=DNS:${HOST}`, '-keyout', keyFile, '-out', certFile
  ], { stdio: 'ignore' }) // prettier-ignore
  fake = await FakeOpenAI.start()
  fake.otherwise(script)
  const fakePort = Number(new URL(fake.origin).port)
  // TLS in front of the fake server: https://model.evalgate.test:<tlsPort>.
  tls = createTlsServer({ key: readFileSync(keyFile), cert: readFileSync(certFile) }, (socket) => {
    const plain = connect(fakePort, '127.0.0.1')
    for (const s of [socket, plain]) {
      sockets.add(s)
      s.on('close', () => sockets.delete(s))
      s.on('error', () => {})
    }
    socket.pipe(plain).pipe(socket)
  })
  await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve))
  tlsPort = (tls.address() as AddressInfo).port
})
afterAll(async () => {
  for (const socket of sockets) socket.destroy()
  await new Promise((resolve) => tls.close(resolve))
  await fake.stop()
})

function project(): string {
  return writeProject({
    'thresholds.yml': 'tiers: { T1: 0.5 }\nbudgets: { max_retries: 0 }\n',
    'golden-tasks/wf/workflow.yml': [
      'name: wf',
      'permissions:',
      '  lookup_order: { scope: read, risk: low }',
      'agent:',
      '  type: openai',
      '  model: gpt-4.1-mini',
      '  prompt: prompt.md',
      '  tools: tools.json',
      `  base_url: https://${HOST}:${tlsPort}/v1`,
      'judge:',
      '  model: gpt-4.1-mini',
      `  base_url: https://${HOST}:${tlsPort}/v1`,
      ''
    ].join('\n'),
    'golden-tasks/wf/prompt.md': 'You handle refunds.',
    'golden-tasks/wf/tools.json': JSON.stringify([
      { type: 'function', function: { name: 'lookup_order', parameters: { type: 'object' } } }
    ]),
    'golden-tasks/wf/tasks.yaml':
      '- { id: a, tier: T1, risk: low, input: { order: O-1 }, fixtures: { lookup_order: { ok: true } }, expected: { label: ok, judge: "The reply apologises." } }\n'
  })
}

function run(dir: string, proxyUrl: string): Promise<CliResult> {
  return runCli(['run', '--out', 'out'], dir, {
    OPENAI_API_KEY: KEY,
    HTTPS_PROXY: proxyUrl,
    NODE_EXTRA_CA_CERTS: certFile,
    NO_PROXY: '',
    no_proxy: ''
  })
}

/** Everything the run printed or wrote. */
function everything(dir: string, res: CliResult): string {
  const out = join(dir, 'out')
  return [res.stdout, res.stderr, ...readdirSync(out).map((f) => readFileSync(join(out, f), 'utf8'))].join('\n')
}

describe('evalgate run behind a proxy (HTTPS_PROXY, CONNECT)', () => {
  it('reaches the model and the judge through the proxy, with its credentials', async () => {
    const proxy = await FakeProxy.start({ hosts: { [HOST]: '127.0.0.1' }, credentials: `evalgate:${PASSWORD}` })
    try {
      const dir = project()
      fake.requests.length = 0
      const res = await run(dir, proxy.url(`evalgate:${PASSWORD}`))
      expect(res.code).toBe(0)
      const report = JSON.parse(readFileSync(join(dir, 'out/report.json'), 'utf8'))
      expect(report.decision).toBe('pass')
      // Two agent calls and the judge's, in each attempt: all through the tunnel.
      expect(fake.completions.length).toBeGreaterThanOrEqual(3)
      expect(proxy.seen.length).toBeGreaterThan(0)
      for (const seen of proxy.seen)
        expect(seen).toEqual({
          kind: 'connect',
          target: `${HOST}:${tlsPort}`,
          method: 'CONNECT',
          credentials: `evalgate:${PASSWORD}`
        })
      expect(everything(dir, res)).not.toContain(PASSWORD)
    } finally {
      await proxy.stop()
    }
  })

  it('a proxy that is down: the run errors, naming the proxy without its credentials', async () => {
    const port = await closedPort()
    const dir = project()
    const res = await run(dir, `http://evalgate:${PASSWORD}@127.0.0.1:${port}`)
    expect(res.code).toBe(2)
    const report = JSON.parse(readFileSync(join(dir, 'out/report.json'), 'utf8'))
    expect(report.decision).toBe('error')
    const text = everything(dir, res)
    expect(text).toContain(
      `could not reach the model endpoint https://${HOST}:${tlsPort}/v1: could not reach the proxy http://127.0.0.1:${port} (connect ECONNREFUSED`
    )
    expect(text).not.toContain(PASSWORD)
    expect(text).not.toMatch(/\/\/evalgate[:@]/)
  })

  it('a proxy that refuses the tunnel: the run errors, saying the proxy refused', async () => {
    const proxy = await FakeProxy.start({ refuse: 403 })
    try {
      const dir = project()
      const res = await run(dir, proxy.url(`evalgate:${PASSWORD}`))
      expect(res.code).toBe(2)
      const text = everything(dir, res)
      expect(text).toContain(`the proxy ${proxy.url()} refused to connect to ${HOST}:${tlsPort} (HTTP 403)`)
      expect(text).not.toContain(PASSWORD)
    } finally {
      await proxy.stop()
    }
  })
})

// Model calls, judge calls and http agents through a proxy named by HTTP_PROXY / HTTPS_PROXY,
// NO_PROXY and loopback direct. Only the proxy resolves *.evalgate.test, so an answer from
// such a host proves the request went through it.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { ToolSandbox } from '../../src/sandbox/index.js'
import { answerReply, FakeOpenAI, toolCallsReply } from '../helpers/fake-openai.js'
import { FakeProxy } from '../helpers/fake-proxy.js'
import { makeTask, makeWorkflow } from '../helpers/model.js'
import { closedPort } from '../helpers/ports.js'
import { runWith } from '../agents/run-helpers.js'
import { attempt, BUDGETS, openaiWorkflow, orderTask, runtimeFor } from '../llm/openai-harness.js'

const PROXY_VARS = ['http_proxy', 'HTTP_PROXY', 'https_proxy', 'HTTPS_PROXY', 'no_proxy', 'NO_PROXY']
const PASSWORD = 'pr0xy-Passw0rd-never-shown'
const ANSWER = { label: 'refund_approved', result: { amount: 25 }, escalated: false, message: 'Sorry, refunded.' }

let sandbox: ToolSandbox
let fake: FakeOpenAI
let agent: Server
let proxy: FakeProxy
let modelPort: number
let agentPort: number

beforeAll(async () => {
  sandbox = await ToolSandbox.start()
  fake = await FakeOpenAI.start()
  agent = createServer((req, res) => {
    req.resume()
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(ANSWER)))
  })
  await new Promise<void>((resolve) => agent.listen(0, '127.0.0.1', resolve))
  modelPort = Number(new URL(fake.origin).port)
  agentPort = (agent.address() as AddressInfo).port
  proxy = await FakeProxy.start({ hosts: { 'model.evalgate.test': '127.0.0.1', 'agent.evalgate.test': '127.0.0.1' } })
})
afterAll(async () => {
  await proxy.stop()
  agent.closeAllConnections()
  await new Promise((resolve) => agent.close(resolve))
  await fake.stop()
  await sandbox.stop()
})
afterEach(() => {
  for (const name of PROXY_VARS) delete process.env[name]
  proxy.seen.length = 0
  fake.reset()
})

/** Sets exactly these proxy variables (the others unset) for the rest of the test. */
function proxyEnv(vars: Record<string, string>): void {
  for (const name of PROXY_VARS) delete process.env[name]
  Object.assign(process.env, vars)
}

/** No retries: a failing model call fails at once. */
const NO_RETRIES = { budgets: { ...BUDGETS, max_retries: 0 } }

const modelUrl = () => `http://model.evalgate.test:${modelPort}/v1`
const agentUrl = () => `http://agent.evalgate.test:${agentPort}/run`

describe('through HTTP_PROXY', () => {
  it('sends the model calls of an openai agent through the proxy, and its raw tool calls direct', async () => {
    proxyEnv({ HTTP_PROXY: proxy.url() })
    fake.reply(toolCallsReply([{ name: 'lookup_order', rawArgs: '{not json' }]), answerReply(ANSWER))
    const workflow = openaiWorkflow(modelUrl())
    const run = await attempt(sandbox, workflow, runtimeFor(workflow))

    expect(run.infra_error).toBeUndefined()
    expect(run.answer).toEqual(ANSWER)
    expect(fake.completions).toHaveLength(2)
    expect(proxy.seen).toEqual([
      { kind: 'forward', target: `model.evalgate.test:${modelPort}`, method: 'POST', path: '/v1/chat/completions' },
      { kind: 'forward', target: `model.evalgate.test:${modelPort}`, method: 'POST', path: '/v1/chat/completions' }
    ])
    // The malformed call went to the sandbox on 127.0.0.1 (recorded there), not to the proxy.
    expect(run.tool_calls).toHaveLength(1)
  })

  it('sends the judge call through the proxy', async () => {
    proxyEnv({ HTTP_PROXY: proxy.url() })
    fake.reply(answerReply({ pass: true, reason: 'apologises' }))
    const workflow = makeWorkflow({ judge: { model: 'gpt-4o-mini', base_url: modelUrl() } })
    const task = makeTask({ expected: { actions_match: 'superset', judge: 'The reply apologises.' } })
    const { verdict } = await runtimeFor(workflow).judge(task, {
      answer: ANSWER,
      tool_calls: [],
      model_calls: [],
      duration_ms: 1
    })

    expect(verdict).toEqual({ ok: true, reason: 'apologises' })
    expect(proxy.seen).toMatchObject([{ kind: 'forward', target: `model.evalgate.test:${modelPort}`, method: 'POST' }])
  })

  it('sends the payload of an http agent through the proxy', async () => {
    proxyEnv({ http_proxy: proxy.url() })
    const run = await runWith(sandbox, { type: 'http', url: agentUrl() })
    expect(run.infra_error).toBeUndefined()
    expect(run.answer).toEqual(ANSWER)
    expect(proxy.seen).toEqual([
      { kind: 'forward', target: `agent.evalgate.test:${agentPort}`, method: 'POST', path: '/run' }
    ])
  })

  it('gives the credentials in the proxy URL to the proxy, and to nothing else', async () => {
    const guarded = await FakeProxy.start({
      hosts: { 'agent.evalgate.test': '127.0.0.1' },
      credentials: `evalgate:${PASSWORD}`
    })
    try {
      proxyEnv({ HTTP_PROXY: guarded.url(`evalgate:${PASSWORD}`) })
      const run = await runWith(sandbox, { type: 'http', url: agentUrl() })
      expect(run.answer).toEqual(ANSWER)
      expect(guarded.seen).toMatchObject([{ kind: 'forward', credentials: `evalgate:${PASSWORD}` }])

      proxyEnv({ HTTP_PROXY: guarded.url(`evalgate:wrong-password`) })
      const refused = await runWith(sandbox, { type: 'http', url: agentUrl() })
      expect(refused.infra_error).toBe(
        `agent unreachable: the proxy ${guarded.url()} asks for credentials (HTTP 407): give them in its URL, http://user:password@host:port`
      )
    } finally {
      await guarded.stop()
    }
  })

  it('says an error answer came through the proxy: it may be the proxy refusing', async () => {
    const refusing = await FakeProxy.start({ refuse: 403 })
    try {
      proxyEnv({ HTTP_PROXY: refusing.url() })
      const run = await runWith(sandbox, { type: 'http', url: agentUrl() })
      expect(run.agent_error).toBe(`agent answered HTTP 403 (through the proxy ${refusing.url()})`)

      const workflow = openaiWorkflow(modelUrl())
      const model = await attempt(sandbox, workflow, runtimeFor(workflow, NO_RETRIES))
      expect(model.infra_error ?? model.agent_error).toContain(`(through the proxy ${refusing.url()})`)
    } finally {
      await refusing.stop()
    }
  })

  it('lets the lower-case variable win, as curl and undici do', async () => {
    proxyEnv({ http_proxy: proxy.url(), HTTP_PROXY: `http://127.0.0.1:${await closedPort()}` })
    const run = await runWith(sandbox, { type: 'http', url: agentUrl() })
    expect(run.answer).toEqual(ANSWER)
    expect(proxy.seen).toHaveLength(1)
  })
})

describe('direct', () => {
  it('keeps loopback direct with both proxies set: 127.0.0.1, localhost', async () => {
    proxyEnv({ HTTP_PROXY: proxy.url(), HTTPS_PROXY: proxy.url() })
    fake.otherwise(() => answerReply(ANSWER))
    for (const host of ['127.0.0.1', 'localhost']) {
      const workflow = openaiWorkflow(`http://${host}:${modelPort}/v1`)
      const run = await attempt(sandbox, workflow, runtimeFor(workflow))
      expect(run.answer).toEqual(ANSWER)
      const agentRun = await runWith(sandbox, { type: 'http', url: `http://${host}:${agentPort}/run` })
      expect(agentRun.answer).toEqual(ANSWER)
    }
    expect(proxy.seen).toEqual([])
  })

  it('sends a NO_PROXY host direct: it does not resolve, and the error says the host could not be reached', async () => {
    for (const noProxy of [
      'agent.evalgate.test',
      '.evalgate.test',
      `*.evalgate.test`,
      `agent.evalgate.test:${agentPort}`
    ]) {
      proxyEnv({ HTTP_PROXY: proxy.url(), NO_PROXY: `example.com, ${noProxy}` })
      const run = await runWith(sandbox, { type: 'http', url: agentUrl() })
      expect(run.infra_error).toMatch(/^agent unreachable: getaddrinfo (ENOTFOUND|EAI_AGAIN) agent\.evalgate\.test/)
    }
    expect(proxy.seen).toEqual([])
  })

  it('sends a model call to a NO_PROXY host direct (no_proxy, lower case, too)', async () => {
    proxyEnv({ HTTP_PROXY: proxy.url(), no_proxy: 'model.evalgate.test' })
    const workflow = openaiWorkflow(modelUrl())
    const run = await attempt(sandbox, workflow, runtimeFor(workflow, NO_RETRIES))
    expect(run.infra_error).toMatch(
      /could not reach the model endpoint http:\/\/model\.evalgate\.test:\d+\/v1: getaddrinfo (ENOTFOUND|EAI_AGAIN) model\.evalgate\.test/
    )
    expect(proxy.seen).toEqual([])
  })

  it('does not exempt a host from the proxy by a NO_PROXY entry for another port', async () => {
    proxyEnv({ HTTP_PROXY: proxy.url(), NO_PROXY: 'agent.evalgate.test:1' })
    const run = await runWith(sandbox, { type: 'http', url: agentUrl() })
    expect(run.answer).toEqual(ANSWER)
    expect(proxy.seen).toHaveLength(1)
  })
})

describe('a proxy that cannot be used', () => {
  it('down: the error names the proxy, never its credentials', async () => {
    const port = await closedPort()
    proxyEnv({ HTTP_PROXY: `http://evalgate:${PASSWORD}@127.0.0.1:${port}` })
    const run = await runWith(sandbox, { type: 'http', url: agentUrl() })
    expect(run.infra_error).toBe(
      `agent unreachable: could not reach the proxy http://127.0.0.1:${port} (connect ECONNREFUSED 127.0.0.1:${port})`
    )
    expect(run.error_kind).toBe('unreachable')

    const workflow = openaiWorkflow(modelUrl())
    const model = await attempt(sandbox, workflow, runtimeFor(workflow, NO_RETRIES), orderTask())
    expect(model.infra_error).toContain(
      `could not reach the model endpoint ${modelUrl()}: could not reach the proxy http://127.0.0.1:${port} (connect ECONNREFUSED`
    )
    for (const text of [JSON.stringify(run), JSON.stringify(model)]) {
      expect(text).not.toContain(PASSWORD)
      expect(text).not.toContain('evalgate:')
    }
  })

  it('a proxy name that does not resolve: named, as unreachable', async () => {
    proxyEnv({ HTTP_PROXY: `http://evalgate:${PASSWORD}@proxy.evalgate-no-such-host.invalid:3128` })
    const run = await runWith(sandbox, { type: 'http', url: agentUrl() })
    expect(run.infra_error).toMatch(
      /^agent unreachable: could not reach the proxy http:\/\/proxy\.evalgate-no-such-host\.invalid:3128 \(getaddrinfo (ENOTFOUND|EAI_AGAIN) /
    )
    expect(JSON.stringify(run)).not.toContain(PASSWORD)
  })

  it('not a proxy URL: the variable named, the credentials not', async () => {
    proxyEnv({ HTTP_PROXY: `socks4://evalgate:${PASSWORD}@127.0.0.1:1080` })
    const run = await runWith(sandbox, { type: 'http', url: agentUrl() })
    expect(run.infra_error).toBe(
      'agent unreachable: HTTP_PROXY is not an http:// or https:// proxy URL: socks4://127.0.0.1:1080'
    )
  })
})

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { ToolSandbox } from '../../src/sandbox/index.js'
import { ORDER, runWith } from './run-helpers.js'
import { closedPort } from '../helpers/ports.js'

let sandbox: ToolSandbox
let server: Server
let baseUrl: string

async function readJson(req: IncomingMessage): Promise<any> {
  let text = ''
  for await (const chunk of req) text += chunk
  return JSON.parse(text)
}

function reply(res: ServerResponse, status: number, body: string, type = 'application/json'): void {
  res.writeHead(status, { 'content-type': type }).end(body)
}

const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => Promise<void> | void> = {
  '/good': async (req, res) => {
    const payload = await readJson(req)
    const tool = await fetch(`${payload.tools_url}/lookup_order`, {
      method: 'POST',
      body: JSON.stringify({ order_id: payload.input.order_id })
    })
    const order = await tool.json()
    reply(
      res,
      200,
      JSON.stringify({ label: 'refund_approved', result: { order, task_id: payload.task_id }, escalated: false })
    )
  },
  '/headers': (req, res) =>
    reply(
      res,
      200,
      JSON.stringify({ result: { authorization: req.headers.authorization, team: req.headers['x-team'] } })
    ),
  '/status-500': (_req, res) => reply(res, 500, 'internal error'),
  '/status-503': (_req, res) => reply(res, 503, ''),
  '/status-404': (_req, res) => reply(res, 404, 'no such agent', 'text/plain'),
  '/text': (_req, res) => reply(res, 200, 'I approve the refund', 'text/plain'),
  '/bad-answer': (_req, res) => reply(res, 200, JSON.stringify({ label: 7 })),
  '/hang': () => {},
  '/hang-body': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' })
    res.write('{"label":')
  }
}

beforeAll(async () => {
  sandbox = await ToolSandbox.start()
  server = createServer((req, res) => {
    const route = routes[req.url ?? '']
    if (route) void route(req, res)
    else reply(res, 404, '{}')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
  await sandbox.stop()
})

describe('http agent', () => {
  it('posts the payload with tools_url and reads the answer', async () => {
    const run = await runWith(sandbox, { type: 'http', url: `${baseUrl}/good` })
    expect(run.infra_error).toBeUndefined()
    expect(run.agent_error).toBeUndefined()
    expect(run.answer).toEqual({
      label: 'refund_approved',
      result: { order: ORDER, task_id: 't-001' },
      escalated: false
    })
    expect(run.tool_calls).toMatchObject([
      { seq: 1, tool: 'lookup_order', args: { order_id: 'A-1' }, result: ORDER, allowed: true }
    ])
  })

  it('makes HTTP 5xx an infrastructure error', async () => {
    const run = await runWith(sandbox, { type: 'http', url: `${baseUrl}/status-500` })
    expect(run.infra_error).toBe('agent answered HTTP 500')
    expect(run.raw_output).toBe('internal error')
    const unavailable = await runWith(sandbox, { type: 'http', url: `${baseUrl}/status-503` })
    expect(unavailable.infra_error).toBe('agent answered HTTP 503')
  })

  it('makes HTTP 4xx an agent error', async () => {
    const run = await runWith(sandbox, { type: 'http', url: `${baseUrl}/status-404` })
    expect(run.agent_error).toBe('agent answered HTTP 404')
    expect(run.infra_error).toBeUndefined()
  })

  it('makes a body that is not JSON an agent error', async () => {
    const run = await runWith(sandbox, { type: 'http', url: `${baseUrl}/text` })
    expect(run.agent_error).toBe('agent answer was not JSON: I approve the refund')
    expect(run.error_kind).toBe('bad_output')
  })

  it('rejects an answer that does not follow the protocol', async () => {
    const run = await runWith(sandbox, { type: 'http', url: `${baseUrl}/bad-answer` })
    expect(run.agent_error).toBe('answer does not follow the protocol: label must be a string')
  })

  it('times out an agent that does not answer', async () => {
    const started = Date.now()
    const run = await runWith(sandbox, { type: 'http', url: `${baseUrl}/hang` }, { timeoutMs: 300 })
    expect(run.infra_error).toBe('agent timed out after 0.3s')
    expect(run.error_kind).toBe('timeout')
    expect(Date.now() - started).toBeLessThan(10_000) // bounded, not hung
  })

  it('times out an agent that stops in the middle of its answer', async () => {
    const run = await runWith(sandbox, { type: 'http', url: `${baseUrl}/hang-body` }, { timeoutMs: 300 })
    expect(run.infra_error).toBe('agent timed out after 0.3s')
  })

  it('refuses a url that is not http(s)', async () => {
    const run = await runWith(sandbox, { type: 'http', url: 'ftp://example.com/agent' })
    expect(run.infra_error).toBe('agent url is not an http(s) URL: ftp://example.com/agent')
  })

  it('reports a refused connection as unreachable', async () => {
    const port = await closedPort()
    const run = await runWith(sandbox, { type: 'http', url: `http://127.0.0.1:${port}/agent` })
    expect(run.infra_error).toBe(`agent unreachable: connect ECONNREFUSED 127.0.0.1:${port}`)
    expect(run.error_kind).toBe('unreachable')
  })

  it('reports an unknown host as unreachable', async () => {
    const run = await runWith(sandbox, { type: 'http', url: 'http://evalgate-no-such-host.invalid/agent' })
    expect(run.infra_error).toMatch(
      /^agent unreachable: getaddrinfo (ENOTFOUND|EAI_AGAIN) evalgate-no-such-host\.invalid/
    )
  })

  it('fills header values from environment variables', async () => {
    process.env.EVALGATE_TEST_AGENT_TOKEN = 's3cret-value'
    process.env.EVALGATE_TEST_TEAM = 'payments'
    try {
      const run = await runWith(sandbox, {
        type: 'http',
        url: `${baseUrl}/headers`,
        headers: { Authorization: 'Bearer ${EVALGATE_TEST_AGENT_TOKEN}', 'X-Team': '$EVALGATE_TEST_TEAM' }
      })
      expect(run.answer?.result).toEqual({ authorization: 'Bearer s3cret-value', team: 'payments' })
    } finally {
      delete process.env.EVALGATE_TEST_AGENT_TOKEN
      delete process.env.EVALGATE_TEST_TEAM
    }
  })

  it('names a missing environment variable without revealing any value', async () => {
    process.env.EVALGATE_TEST_PRESENT = 'visible-secret'
    try {
      const run = await runWith(sandbox, {
        type: 'http',
        url: `${baseUrl}/headers`,
        headers: { Authorization: '${EVALGATE_TEST_PRESENT}:${EVALGATE_TEST_MISSING_TOKEN}' }
      })
      expect(run.infra_error).toBe(
        'header "Authorization" names the environment variable EVALGATE_TEST_MISSING_TOKEN, which is not set'
      )
      expect(JSON.stringify(run)).not.toContain('visible-secret')
    } finally {
      delete process.env.EVALGATE_TEST_PRESENT
    }
  })
})

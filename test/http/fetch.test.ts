import { afterEach, describe, expect, it } from '@jest/globals'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { httpFetch } from '../../src/http/fetch.js'

let server: Server | undefined

afterEach(async () => {
  server?.closeAllConnections()
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined))
  server = undefined
})

async function serve(handler: (req: IncomingMessage, res: ServerResponse, body: string) => void): Promise<string> {
  server = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk) => (body += chunk))
    req.on('end', () => handler(req, res, body))
  })
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

describe('httpFetch', () => {
  it('posts a body with the given headers and reads status, headers and body', async () => {
    const url = await serve((req, res, body) => {
      res.writeHead(201, { 'content-type': 'application/json', 'x-echo': String(req.headers['x-test']) })
      res.end(JSON.stringify({ method: req.method, body, length: req.headers['content-length'] }))
    })
    const headers = new Headers({ 'x-test': 'yes', 'content-type': 'application/json' })
    const response = await httpFetch(`${url}/path`, { method: 'POST', headers, body: '{"é":1}' })

    expect(response.status).toBe(201)
    expect(response.ok).toBe(true)
    expect(response.headers.get('x-echo')).toBe('yes')
    expect(response.headers.get('content-type')).toBe('application/json')
    expect(await response.clone().text()).toBe('{"method":"POST","body":"{\\"é\\":1}","length":"8"}')
    expect(await response.json()).toEqual({ method: 'POST', body: '{"é":1}', length: '8' })
  })

  it('rejects with a SyntaxError when json() meets a malformed body', async () => {
    const url = await serve((_req, res) => res.end('{"a":'))
    const response = await httpFetch(url)
    await expect(response.json()).rejects.toMatchObject({ name: 'SyntaxError' })
  })

  it('reuses a kept-alive connection', async () => {
    const sockets = new Set<Socket>()
    const url = await serve((req, res) => {
      sockets.add(req.socket)
      res.end('ok')
    })
    for (let i = 0; i < 3; i++) expect(await (await httpFetch(url)).text()).toBe('ok')
    expect(sockets.size).toBe(1)
  })

  it('sends again on a fresh connection when the server drops a reused one', async () => {
    const served = new WeakSet<Socket>()
    let dropped = 0
    const url = await serve((req, res) => {
      if (served.has(req.socket)) {
        dropped++
        return void req.socket.destroy()
      }
      served.add(req.socket)
      res.end('fresh')
    })
    expect(await (await httpFetch(url)).text()).toBe('fresh')
    expect(await (await httpFetch(url)).text()).toBe('fresh')
    expect(dropped).toBe(1)
  })

  it('rejects with an AbortError when the signal aborts', async () => {
    const url = await serve(() => {})
    await expect(httpFetch(url, { signal: AbortSignal.timeout(50) })).rejects.toMatchObject({ name: 'AbortError' })
  })

  it('rejects when the connection is refused', async () => {
    const url = await serve(() => {})
    server!.close()
    server!.closeAllConnections()
    await new Promise((resolve) => setTimeout(resolve, 20))
    await expect(httpFetch(url)).rejects.toMatchObject({ code: 'ECONNREFUSED' })
  })
})

describe('httpFetch: connections that break', () => {
  it('sends again when the server resets a reused connection', async () => {
    const served = new WeakSet<Socket>()
    let reset = 0
    const url = await serve((req, res) => {
      if (served.has(req.socket)) {
        reset++
        return void req.socket.resetAndDestroy()
      }
      served.add(req.socket)
      res.end('fresh')
    })
    expect(await (await httpFetch(url, { method: 'POST', body: 'a' })).text()).toBe('fresh')
    expect(await (await httpFetch(url, { method: 'POST', body: 'b' })).text()).toBe('fresh')
    expect(reset).toBe(1)
  })

  it('never sends twice what a fresh connection lost: the server may have acted on it', async () => {
    let received = 0
    const url = await serve((req) => {
      received++
      req.socket.destroy()
    })
    await expect(httpFetch(url, { method: 'POST', body: 'x' })).rejects.toMatchObject({
      name: 'NetworkError',
      code: 'UND_ERR_SOCKET',
      message: expect.stringMatching(/^127\.0\.0\.1:\d+ closed the connection without answering$/)
    })
    expect(received).toBe(1)
  })

  it('rejects an answer over 64 MB', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200)
      const chunk = Buffer.alloc(1024 * 1024, 120)
      for (let i = 0; i < 65; i++) res.write(chunk)
      res.end()
    })
    await expect(httpFetch(url)).rejects.toThrow('response body is over 64 MB')
  })

  it('rejects at once when the signal has already aborted', async () => {
    const url = await serve((_req, res) => res.end('late'))
    const controller = new AbortController()
    controller.abort()
    await expect(httpFetch(url, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' })
  })
})

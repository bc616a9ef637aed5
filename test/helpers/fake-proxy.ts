// An HTTP proxy on 127.0.0.1 for tests: CONNECT tunnels (https targets) and absolute-URI
// forwarding (http targets), as corporate proxies serve them. It alone resolves the names in
// `hosts`, so a request to one of them that arrives proves it went through the proxy. Every
// request is recorded.
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http'
import { connect, type AddressInfo, type Socket } from 'node:net'

export interface ProxiedRequest {
  kind: 'connect' | 'forward'
  /** `host:port` as the client asked for it. */
  target: string
  method: string
  /** The path of a forwarded request. */
  path?: string
  /** The Proxy-Authorization header, decoded (`user:password`). */
  credentials?: string
}

export interface FakeProxyOptions {
  /** Names only the proxy resolves, to the address to connect to (the port is the request's). */
  hosts?: Record<string, string>
  /** `user:password` the proxy asks for (407 otherwise). */
  credentials?: string
  /** Refuses every request with this status. */
  refuse?: number
}

export class FakeProxy {
  readonly seen: ProxiedRequest[] = []
  private readonly sockets = new Set<Socket>()

  private constructor(
    private readonly server: Server,
    private readonly options: FakeProxyOptions
  ) {}

  static async start(options: FakeProxyOptions = {}): Promise<FakeProxy> {
    const server = createServer()
    const proxy = new FakeProxy(server, options)
    server.on('connection', (socket: Socket) => {
      proxy.sockets.add(socket)
      socket.on('close', () => proxy.sockets.delete(socket))
    })
    server.on('request', (req, res) => proxy.forward(req, res))
    server.on('connect', (req: IncomingMessage, socket: Socket, head: Buffer) => proxy.tunnel(req, socket, head))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    return proxy
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port
  }

  /** The proxy's URL, with `credentials` (`user:password`) in it when given. */
  url(credentials?: string): string {
    return `http://${credentials ? `${credentials}@` : ''}127.0.0.1:${this.port}`
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy()
    await new Promise((resolve) => this.server.close(resolve))
  }

  /** Why the proxy turns `req` away (an HTTP status line), if it does. */
  private refusal(req: IncomingMessage): string | undefined {
    if (this.options.credentials && credentialsOf(req) !== this.options.credentials)
      return '407 Proxy Authentication Required'
    if (this.options.refuse) return `${this.options.refuse} Refused`
    return undefined
  }

  private address(host: string): string | undefined {
    return this.options.hosts?.[host.toLowerCase()]
  }

  private forward(req: IncomingMessage, res: import('node:http').ServerResponse): void {
    let target: URL
    try {
      target = new URL(req.url ?? '')
    } catch {
      return void res.writeHead(400).end('not a proxy request')
    }
    this.record(req, 'forward', target.host, `${target.pathname}${target.search}`)
    const refusal = this.refusal(req)
    if (refusal) {
      const [status] = refusal.split(' ')
      return void res.writeHead(Number(status), { 'proxy-authenticate': 'Basic realm="fake"' }).end(refusal)
    }
    const address = this.address(target.hostname)
    if (!address) return void res.writeHead(502).end(`the proxy cannot resolve ${target.hostname}`)
    const headers = { ...req.headers }
    delete headers['proxy-authorization']
    delete headers['proxy-connection']
    const upstream = httpRequest(
      {
        host: address,
        port: Number(target.port) || 80,
        method: req.method,
        path: target.pathname + target.search,
        headers
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      }
    )
    upstream.on('error', () => res.writeHead(502).end('upstream failed'))
    req.pipe(upstream)
  }

  private tunnel(req: IncomingMessage, socket: Socket, head: Buffer): void {
    const target = req.url ?? ''
    this.record(req, 'connect', target)
    const refusal = this.refusal(req)
    if (refusal) return void socket.end(`HTTP/1.1 ${refusal}\r\nproxy-authenticate: Basic realm="fake"\r\n\r\n`)
    const [host, port] = target.split(':')
    const address = this.address(host)
    if (!address) return void socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n')
    const upstream = connect(Number(port), address, () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.write(head)
      upstream.pipe(socket)
      socket.pipe(upstream)
    })
    this.sockets.add(upstream)
    upstream.on('close', () => this.sockets.delete(upstream))
    upstream.on('error', () => socket.destroy())
    socket.on('error', () => upstream.destroy())
  }

  private record(req: IncomingMessage, kind: ProxiedRequest['kind'], target: string, path?: string): void {
    const credentials = credentialsOf(req)
    this.seen.push({
      kind,
      target,
      method: req.method ?? '',
      ...(path !== undefined ? { path } : {}),
      ...(credentials ? { credentials } : {})
    })
  }
}

function credentialsOf(req: IncomingMessage): string | undefined {
  const header = req.headers['proxy-authorization']
  const basic = typeof header === 'string' ? /^Basic (.+)$/i.exec(header) : null
  return basic ? Buffer.from(basic[1], 'base64').toString('utf8') : undefined
}

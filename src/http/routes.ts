// The dispatchers every request goes through: one keep-alive agent for direct connections and
// one per proxy, built anew when the proxy variables change.
import { Agent, buildConnector, Pool, ProxyAgent, type Dispatcher } from 'undici'
import { BYTES_READ_BEFORE, NetworkError } from './network-failure.js'
import { goesDirect } from './no-proxy.js'
import { proxyEnvKey, readProxyEnv, type ProxyEnv } from './proxy-env.js'

/** How one request travels: `proxy` names the proxy (without credentials) when there is one. */
export interface Route {
  dispatcher: Dispatcher
  proxy?: string
}

// Pipelining 2 pipelines nothing, as every request is sent non-idempotent and blocking; but with
// 1, undici waits an event-loop turn before a connection takes the next request, and a request
// sent in that turn opens another connection: sequential calls would keep two sockets.
const poolFactory = (origin: URL | string, options: object): Dispatcher =>
  new Pool(origin, { ...options, pipelining: 2 })

const connect = buildConnector({})
/** Undici's own connector; it marks the errors of a socket with what the socket had read. */
const markingConnector: buildConnector.connector = (options, callback) =>
  connect(options, (...settled) => {
    const socket = settled[1]
    socket?.prependListener('error', (error) => Object.assign(error, { [BYTES_READ_BEFORE]: socket.bytesRead }))
    callback(...settled)
  })

class Routes {
  private readonly direct: Dispatcher = new Agent({ factory: poolFactory, connect: markingConnector })
  private readonly proxies = new Map<string, Dispatcher>()

  constructor(private readonly env: ProxyEnv) {}

  /** Throws a NetworkError when the proxy to use is not a proxy URL. */
  routeFor(url: URL): Route {
    const setting = url.protocol === 'https:' ? this.env.https : this.env.http
    if (!setting || goesDirect(url, this.env.noProxy)) return { dispatcher: this.direct }
    if ('invalid' in setting)
      throw new NetworkError(`${setting.variable} is not an http:// or https:// proxy URL: ${setting.shown}`, undefined)
    return { dispatcher: this.proxyAgent(setting.href), proxy: setting.shown }
  }

  close(): void {
    // Requests under way on them finish first.
    for (const dispatcher of [this.direct, ...this.proxies.values()]) dispatcher.close().catch(() => {})
  }

  private proxyAgent(href: string): Dispatcher {
    let agent = this.proxies.get(href)
    // An http: target is sent to the proxy as an absolute-URI request, as curl does (proxies
    // commonly allow CONNECT to port 443 only); an https: one goes through a CONNECT tunnel.
    if (!agent)
      this.proxies.set(href, (agent = new ProxyAgent({ uri: href, proxyTunnel: false, factory: poolFactory })))
    return agent
  }
}

let current: { key: string; routes: Routes } | undefined

/** The route for `url` under the proxy variables of the environment as they are now. */
export function routeFor(url: URL, env: NodeJS.ProcessEnv = process.env): Route {
  const key = proxyEnvKey(env)
  if (current?.key !== key) {
    current?.routes.close()
    current = { key, routes: new Routes(readProxyEnv(env)) }
  }
  return current.routes.routeFor(url)
}

// Which hosts go direct: loopback always, then NO_PROXY's entries with the rules of undici's
// EnvHttpProxyAgent (a host and its subdomains, `.example.com` or `*.example.com` alike,
// `host:port` for one port only, `*` for every host).

export type NoProxy = 'all' | { host: string; port: number }[]

const DEFAULT_PORTS: Record<string, number> = { 'http:': 80, 'https:': 443 }

export function parseNoProxy(value: string): NoProxy {
  const rules: { host: string; port: number }[] = []
  for (const entry of value.split(/[,\s]/)) {
    if (!entry) continue
    if (entry === '*') return 'all'
    const withPort = /^(.+):(\d+)$/.exec(entry)
    const host = (withPort ? withPort[1] : entry).replace(/^\*?\./, '').toLowerCase()
    rules.push({ host: stripDot(host), port: withPort ? Number(withPort[2]) : 0 })
  }
  return rules
}

/** Whether `url` is reached without the proxy. */
export function goesDirect(url: URL, noProxy: NoProxy): boolean {
  const host = stripDot(url.hostname.toLowerCase())
  if (isLoopback(host) || noProxy === 'all') return true
  const port = Number(url.port) || DEFAULT_PORTS[url.protocol] || 0
  return noProxy.some(
    (rule) => (rule.port === 0 || rule.port === port) && (host === rule.host || host.endsWith(`.${rule.host}`))
  )
}

/** localhost, 127.0.0.0/8 and ::1: this machine, never behind a proxy. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host)
}

function stripDot(host: string): string {
  return host.endsWith('.') ? host.slice(0, -1) : host
}

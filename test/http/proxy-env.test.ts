// Which proxy the environment names for a URL, and which hosts go direct.
import { describe, expect, it } from '@jest/globals'
import { goesDirect, parseNoProxy } from '../../src/http/no-proxy.js'
import { readProxyEnv, withoutCredentials } from '../../src/http/proxy-env.js'

const direct = (url: string, noProxy: string) => goesDirect(new URL(url), parseNoProxy(noProxy))

describe('NO_PROXY', () => {
  it('keeps loopback direct whatever it says', () => {
    for (const url of [
      'http://127.0.0.1:8080/',
      'http://127.3.4.5/',
      'https://localhost/',
      'http://api.localhost/',
      'http://[::1]:9/',
      'http://LOCALHOST./'
    ])
      expect(direct(url, '')).toBe(true)
    expect(direct('http://128.0.0.1/', '')).toBe(false)
    expect(direct('http://localhost.example.com/', '')).toBe(false)
  })

  it('matches a host and its subdomains, however the entry is written', () => {
    for (const entry of ['example.com', '.example.com', '*.example.com', 'EXAMPLE.com'])
      expect([direct('https://example.com/', entry), direct('https://api.example.com/', entry)]).toEqual([true, true])
    expect(direct('https://notexample.com/', 'example.com')).toBe(false)
  })

  it('splits on commas and spaces; `*` alone exempts every host', () => {
    expect(direct('http://b.test/', 'a.test, b.test c.test')).toBe(true)
    expect(direct('http://anything.test/', '*')).toBe(true)
    expect(direct('http://anything.test/', '')).toBe(false)
  })

  it('an entry with a port exempts that port only, the default port counting', () => {
    expect(direct('http://a.test:8080/', 'a.test:8080')).toBe(true)
    expect(direct('http://a.test:8081/', 'a.test:8080')).toBe(false)
    expect(direct('https://a.test/', 'a.test:443')).toBe(true)
    expect(direct('http://a.test/', 'a.test:443')).toBe(false)
  })
})

describe('the proxy variables', () => {
  it('https targets use HTTPS_PROXY, else HTTP_PROXY; the lower-case name wins', () => {
    expect(readProxyEnv({ HTTP_PROXY: 'http://p:1' }).https).toMatchObject({
      shown: 'http://p:1',
      variable: 'HTTP_PROXY'
    })
    const both = readProxyEnv({ https_proxy: 'http://low:1', HTTPS_PROXY: 'http://up:1', HTTP_PROXY: 'http://h:1' })
    expect(both.https).toMatchObject({ variable: 'https_proxy', shown: 'http://low:1' })
    expect(both.http).toMatchObject({ variable: 'HTTP_PROXY', shown: 'http://h:1' })
    // Set but empty: no proxy, as undici reads it.
    expect(readProxyEnv({ http_proxy: '', HTTP_PROXY: 'http://h:1' }).http).toBeUndefined()
  })

  it('reads a proxy without a scheme as http://, as curl does', () => {
    expect(readProxyEnv({ HTTP_PROXY: 'proxy.corp:3128' }).http).toMatchObject({ shown: 'http://proxy.corp:3128' })
  })

  it('shows a proxy without its credentials', () => {
    const env = readProxyEnv({ HTTPS_PROXY: 'http://alice:s3cret-proxy-pw@proxy.corp:8080' })
    expect(env.https).toMatchObject({
      shown: 'http://proxy.corp:8080',
      href: 'http://alice:s3cret-proxy-pw@proxy.corp:8080/'
    })
  })

  it('marks a value that is no http(s) URL invalid, shown without credentials', () => {
    expect(readProxyEnv({ HTTP_PROXY: 'socks5://bob:pw@x:1' }).http).toEqual({
      variable: 'HTTP_PROXY',
      shown: 'socks5://x:1',
      invalid: true
    })
    expect(readProxyEnv({ HTTP_PROXY: 'http://' }).http).toMatchObject({ invalid: true })
  })

  it('takes the credentials out of what is no URL too', () => {
    expect(withoutCredentials('http://u:p@ss@host:1/x')).toBe('http://host:1/x')
    expect(withoutCredentials('u:p@host')).toBe('host')
    expect(withoutCredentials('http://host:1')).toBe('http://host:1')
  })
})

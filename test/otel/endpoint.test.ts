import { describe, expect, it } from '@jest/globals'
import { otlpTarget, registerOtlpSecrets } from '../../src/otel/endpoint.js'
import { scrubSecrets } from '../../src/util/secrets.js'

describe('the OTLP traces endpoint', () => {
  it('is off without an option or variable', () => {
    expect(otlpTarget(undefined, {})).toBeUndefined()
    expect(otlpTarget('', { OTEL_EXPORTER_OTLP_ENDPOINT: '  ' })).toBeUndefined()
  })

  it('appends v1/traces to a base endpoint (option, OTEL_EXPORTER_OTLP_ENDPOINT), not to the traces one', () => {
    expect(otlpTarget('http://127.0.0.1:4318', {})).toEqual({
      ok: true,
      url: 'http://127.0.0.1:4318/v1/traces',
      shown: 'http://127.0.0.1:4318/v1/traces',
      timeoutMs: 10_000
    })
    expect(
      otlpTarget(undefined, { OTEL_EXPORTER_OTLP_ENDPOINT: 'https://cloud.langfuse.com/api/public/otel/' })
    ).toMatchObject({ url: 'https://cloud.langfuse.com/api/public/otel/v1/traces' })
    expect(otlpTarget(undefined, { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://tempo:4318/custom' })).toMatchObject({
      url: 'http://tempo:4318/custom'
    })
  })

  it('takes the option before OTEL_EXPORTER_OTLP_TRACES_ENDPOINT before OTEL_EXPORTER_OTLP_ENDPOINT', () => {
    const env = {
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://traces:1/t',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://base:2'
    }
    expect(otlpTarget('http://option:3', env)).toMatchObject({ url: 'http://option:3/v1/traces' })
    expect(otlpTarget(undefined, env)).toMatchObject({ url: 'http://traces:1/t' })
  })

  it('shows the endpoint without its credentials or query', () => {
    expect(otlpTarget('https://user:pass@collector.example:4318/otel?key=k', {})).toMatchObject({
      url: 'https://user:pass@collector.example:4318/otel/v1/traces?key=k',
      shown: 'https://collector.example:4318/otel/v1/traces'
    })
  })

  it('reads the export timeout from OTEL_EXPORTER_OTLP_TRACES_TIMEOUT, then OTEL_EXPORTER_OTLP_TIMEOUT; ignores a bad one', () => {
    const url = 'http://c:4318'
    expect(otlpTarget(url, { OTEL_EXPORTER_OTLP_TIMEOUT: '2500' })).toMatchObject({ timeoutMs: 2500 })
    expect(
      otlpTarget(url, { OTEL_EXPORTER_OTLP_TRACES_TIMEOUT: '700', OTEL_EXPORTER_OTLP_TIMEOUT: '2500' })
    ).toMatchObject({ timeoutMs: 700 })
    expect(otlpTarget(url, { OTEL_EXPORTER_OTLP_TIMEOUT: 'soon' })).toMatchObject({ timeoutMs: 10_000 })
    expect(otlpTarget(url, { OTEL_EXPORTER_OTLP_TIMEOUT: '-1' })).toMatchObject({ timeoutMs: 10_000 })
  })

  it('names the source of a value that is no http(s) URL, never the value', () => {
    for (const value of ['localhost:4318', 'grpc://collector:4317', 'user:secret@collector:4318', 'http://']) {
      const target = otlpTarget(undefined, { OTEL_EXPORTER_OTLP_ENDPOINT: value })
      expect(target).toEqual({ ok: false, problem: 'OTEL_EXPORTER_OTLP_ENDPOINT is not an http:// or https:// URL' })
    }
    expect(otlpTarget('collector', {})).toEqual({
      ok: false,
      problem: 'the otlp-endpoint option is not an http:// or https:// URL'
    })
  })

  it('is off with OTEL_SDK_DISABLED=true', () => {
    expect(otlpTarget('http://c:4318', { OTEL_SDK_DISABLED: 'TRUE' })).toBeUndefined()
    expect(otlpTarget('http://c:4318', { OTEL_SDK_DISABLED: 'false' })).toMatchObject({ ok: true })
  })

  it('holds the header values, a bearer token alone, and the URL password as secrets', () => {
    registerOtlpSecrets('https://u:url-password-77@c.example/otel?api_key=query-key-1234', {
      OTEL_EXPORTER_OTLP_HEADERS: 'authorization=Bearer%20header-token-5678,x-tenant=tenant-acme-prod',
      OTEL_EXPORTER_OTLP_TRACES_HEADERS: 'x-api-key=traces-key-9012'
    })
    expect(
      scrubSecrets(
        'url-password-77 query-key-1234 header-token-5678 Bearer%20header-token-5678 tenant-acme-prod traces-key-9012'
      )
    ).toBe('*** *** *** *** *** ***')
  })
})

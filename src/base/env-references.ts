// `${VAR}` / `$VAR` references in manifest values (headers, command agent env): on a pull request
// the references only the PR makes are removed, so that they resolve to nothing.
import { CREDENTIAL_HEADERS, ENV_REFERENCE } from '../util/env-headers.js'

export function referencesIn(template: string | undefined): string[] {
  if (template === undefined) return []
  return [...template.matchAll(new RegExp(ENV_REFERENCE.source, 'g'))].map((m) => (m[1] ?? m[2])!)
}

/** The template without the references not in `allowed`. */
export function withoutReferences(template: string, allowed: readonly string[] = []): string {
  return template.replace(new RegExp(ENV_REFERENCE.source, 'g'), (match, braced?: string, bare?: string) =>
    allowed.includes((braced ?? bare)!) ? match : ''
  )
}

/** Headers that carry a secret: a credential header, or any header reading an environment variable. */
export function secretHeaders(headers: Record<string, string> | undefined): string[] {
  return Object.entries(headers ?? {})
    .filter(([name, value]) => CREDENTIAL_HEADERS.has(name.toLowerCase()) || referencesIn(value).length > 0)
    .map(([name]) => name)
}

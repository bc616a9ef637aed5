// `${VAR}` / `$VAR` references in manifest values (headers, command agent env): on a pull request
// the references only the PR makes must not resolve.
import { CREDENTIAL_HEADERS } from '../util/env-headers.js'
import { envReferences, expandEnvReferences } from '../util/env-references.js'

export function referencesIn(template: string | undefined): string[] {
  return template === undefined ? [] : envReferences(template)
}

/** The template without its references (they resolve to nothing). */
export function withoutReferences(template: string): string {
  return expandEnvReferences(template, () => '').value
}

/** Headers that carry a secret: a credential header, or any header reading an environment variable. */
export function secretHeaders(headers: Record<string, string> | undefined): string[] {
  return Object.entries(headers ?? {})
    .filter(([name, value]) => CREDENTIAL_HEADERS.has(name.toLowerCase()) || referencesIn(value).length > 0)
    .map(([name]) => name)
}

// Header values in workflow.yml may name environment variables (`${NAME}` or `$NAME`), so that
// credentials stay in CI secrets. The values read, and credential headers whole, are secrets.
import { expandEnvReferences, referencesIn } from './env-references.js'
import { registerSecret } from './secrets.js'

export const CREDENTIAL_HEADERS = new Set(['authorization', 'api-key', 'x-api-key'])

/** The headers with their environment references filled in; or which variable is missing (never a value). */
export function resolveEnvHeaders(
  headers: Record<string, string>
): { ok: true; headers: Record<string, string> } | { ok: false; error: string } {
  const values: Record<string, string> = {}
  for (const [name, template] of Object.entries(headers)) {
    const { value, missing } = expandEnvReferences(template, (variable) => {
      const found = process.env[variable]
      registerSecret(found)
      return found
    })
    if (missing)
      return { ok: false, error: `header "${name}" names the environment variable ${missing}, which is not set` }
    values[name] = value
    if (CREDENTIAL_HEADERS.has(name.toLowerCase())) registerSecret(value)
  }
  return { ok: true, headers: values }
}

/** Headers that carry a secret: a credential header, or any header reading an environment variable. */
export function secretHeaders(headers: Record<string, string> | undefined): string[] {
  return Object.entries(headers ?? {})
    .filter(([name, value]) => CREDENTIAL_HEADERS.has(name.toLowerCase()) || referencesIn(value).length > 0)
    .map(([name]) => name)
}

// Header values in workflow.yml may name environment variables (`${NAME}` or `$NAME`), so that
// credentials stay in CI secrets. The values read, and credential headers whole, are secrets.
import { registerSecret } from './secrets.js'

export const ENV_REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g
export const CREDENTIAL_HEADERS = new Set(['authorization', 'api-key', 'x-api-key'])

/** The headers with their environment references filled in; or which variable is missing (never a value). */
export function resolveEnvHeaders(
  headers: Record<string, string>
): { ok: true; headers: Record<string, string> } | { ok: false; error: string } {
  const values: Record<string, string> = {}
  for (const [name, template] of Object.entries(headers)) {
    let missing: string | undefined
    values[name] = template.replace(ENV_REFERENCE, (_match, braced?: string, bare?: string) => {
      const variable = (braced ?? bare)!
      const value = process.env[variable]
      if (value === undefined) missing ??= variable
      registerSecret(value)
      return value ?? ''
    })
    if (missing)
      return { ok: false, error: `header "${name}" names the environment variable ${missing}, which is not set` }
    if (CREDENTIAL_HEADERS.has(name.toLowerCase())) registerSecret(values[name])
  }
  return { ok: true, headers: values }
}

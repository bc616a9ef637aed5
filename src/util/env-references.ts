// `${NAME}` and `$NAME` in workflow.yml values (headers, a command agent's env): how a manifest
// names a variable of evalgate's environment instead of holding its value.

const ENV_REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g

/** The variables `template` names, in order. */
export function envReferences(template: string): string[] {
  return [...template.matchAll(ENV_REFERENCE)].map((m) => (m[1] ?? m[2])!)
}

/** `template` with every reference replaced by `lookup(name)`; `missing` names the first lookup that gave nothing. */
export function expandEnvReferences(
  template: string,
  lookup: (name: string) => string | undefined
): { value: string; missing?: string } {
  let missing: string | undefined
  const value = template.replace(ENV_REFERENCE, (_match, braced?: string, bare?: string) => {
    const variable = (braced ?? bare)!
    const found = lookup(variable)
    if (found === undefined) missing ??= variable
    return found ?? ''
  })
  return missing === undefined ? { value } : { value, missing }
}

export function referencesIn(template: string | undefined): string[] {
  return template === undefined ? [] : envReferences(template)
}

/** The template without its references (they resolve to nothing). */
export function withoutReferences(template: string): string {
  return expandEnvReferences(template, () => '').value
}

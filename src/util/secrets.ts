// Secrets (API keys, credential headers) must never reach a report, trace, log line or error
// message. Whatever creates a credential registers it here; whatever writes text scrubs it.

const REPLACEMENT = '***'
// Shorter values are too likely to occur in ordinary text (and are no real credential).
const MIN_SECRET_LENGTH = 8

/** The registered values, in registration order. */
let secrets: string[] = []
/**
 * What is replaced: each secret and its JSON-escaped form (a secret holding `"` or `\` appears
 * escaped in report.json and traces), longest first so that a secret containing another goes whole.
 */
let forms: string[] = []

export function registerSecret(value: string | undefined): void {
  if (value === undefined || value.length < MIN_SECRET_LENGTH || secrets.includes(value)) return
  secrets = [...secrets, value]
  const escaped = JSON.stringify(value).slice(1, -1)
  forms = [...new Set([...forms, value, escaped])].sort((a, b) => b.length - a.length)
}

/** Grows with every newly registered secret: what was derived from the list at an older version is stale. */
export function secretsVersion(): number {
  return secrets.length
}

/** The length of the longest form a secret can take in text (0 without secrets): how far a cut must look ahead. */
export function longestSecretLength(): number {
  return forms.length > 0 ? forms[0].length : 0
}

/** Whether `text` holds a registered secret anywhere. */
export function containsSecret(text: string): boolean {
  return secrets.some((secret) => text.includes(secret))
}

/** `text` with every registered secret replaced by `***`. */
export function scrubSecrets(text: string): string {
  for (const form of forms) {
    if (text.includes(form)) text = text.split(form).join(REPLACEMENT)
  }
  return text
}

/**
 * A copy of a JSON value with every string (keys too) scrubbed. Iterative, so that no nesting
 * depth can overflow the stack; without secrets, the value itself.
 */
export function scrubValue<T>(value: T): T {
  if (forms.length === 0) return value
  const root: unknown[] = [undefined]
  const stack: { from: unknown; into: object; key: string | number }[] = [{ from: value, into: root, key: 0 }]
  while (stack.length > 0) {
    const { from, into, key } = stack.pop()!
    let copy: unknown = typeof from === 'string' ? scrubSecrets(from) : from
    if (Array.isArray(from)) {
      copy = new Array(from.length)
      for (let i = 0; i < from.length; i++) stack.push({ from: from[i], into: copy as unknown[], key: i })
    } else if (from !== null && typeof from === 'object') {
      copy = {}
      for (const [k, inner] of Object.entries(from)) {
        const name = scrubSecrets(k)
        define(copy as object, name, undefined) // keeps the key order
        stack.push({ from: inner, into: copy as object, key: name })
      }
    }
    define(into, key, copy)
  }
  return root[0] as T
}

/** Plain data: a key `__proto__` is an own property, never the prototype. */
function define(target: object, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
}

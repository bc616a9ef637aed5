// Secrets (API keys, credential headers) must never reach a report, trace, log line or error
// message. Whatever creates a credential registers it here; whatever writes text scrubs it.

const REPLACEMENT = '***'
// Shorter values are too likely to occur in ordinary text (and are no real credential).
const MIN_SECRET_LENGTH = 8

/** Longest first, so that a secret containing another is replaced whole. */
let secrets: string[] = []

export function registerSecret(value: string | undefined): void {
  if (value === undefined || value.length < MIN_SECRET_LENGTH || secrets.includes(value)) return
  secrets = [...secrets, value].sort((a, b) => b.length - a.length)
}

/** Grows with every newly registered secret: what was derived from the list at an older version is stale. */
export function secretsVersion(): number {
  return secrets.length
}

/** Whether `text` holds a registered secret anywhere. */
export function containsSecret(text: string): boolean {
  return secrets.some((secret) => text.includes(secret))
}

/** `text` with every registered secret replaced by `***`. */
export function scrubSecrets(text: string): string {
  for (const secret of secrets) {
    if (text.includes(secret)) text = text.split(secret).join(REPLACEMENT)
  }
  return text
}

export type FoundJson = { ok: true; value: unknown } | { ok: false }

// Bounds the work spent on a long answer full of braces that are not JSON.
const MAX_CANDIDATES = 20

/**
 * The whole text as JSON; else the first JSON object embedded in it (models wrap answers in
 * prose or in ```json fences).
 */
export function findJsonObject(text: string): FoundJson {
  const trimmed = text.trim()
  if (trimmed === '') return { ok: false }
  const whole = tryParse(trimmed)
  if (whole.ok && isObject(whole.value)) return whole

  let start = trimmed.indexOf('{')
  for (let tried = 0; start !== -1 && tried < MAX_CANDIDATES; tried++) {
    const end = matchingBrace(trimmed, start)
    if (end !== -1) {
      const candidate = tryParse(trimmed.slice(start, end + 1))
      if (candidate.ok && isObject(candidate.value)) return candidate
    }
    start = trimmed.indexOf('{', start + 1)
  }
  return { ok: false }
}

/** The index of the `}` closing the `{` at `start`, skipping braces inside strings; -1 if none. */
function matchingBrace(text: string, start: number): number {
  let depth = 0
  let inString = false
  for (let i = start; i < text.length; i++) {
    const char = text[i]
    if (inString) {
      if (char === '\\') i++
      else if (char === '"') inString = false
    } else if (char === '"') inString = true
    else if (char === '{') depth++
    else if (char === '}' && --depth === 0) return i
  }
  return -1
}

function tryParse(text: string): FoundJson {
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch {
    return { ok: false }
  }
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

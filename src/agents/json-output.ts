import { preview } from '../util/preview.js'

/** Where an agent's printed answer was found, or why none was. */
export type ExtractedJson = { ok: true; value: unknown } | { ok: false; error: string }

const PREVIEW_CHARS = 200
const MAX_PRETTY_ATTEMPTS = 20

/**
 * Finds the answer in what an agent printed: the whole output as JSON; else the last
 * line that is a JSON object (agents that log to stdout); else a pretty-printed object
 * that ends the output.
 */
export function extractJsonAnswer(output: string): ExtractedJson {
  const trimmed = output.trim()
  if (trimmed === '') return { ok: false, error: 'agent printed nothing on stdout' }
  const whole = tryParse(trimmed)
  if (whole.ok) return whole

  const lines = trimmed.split('\n')
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i].trim()
    if (!line.startsWith('{') || !line.endsWith('}')) continue
    const parsed = tryParse(line)
    if (parsed.ok && isObject(parsed.value)) return parsed
  }

  if (lines[lines.length - 1].trim() === '}') {
    let attempts = 0
    for (let i = lines.length - 2; i >= 0 && attempts < MAX_PRETTY_ATTEMPTS; i--) {
      if (!lines[i].startsWith('{')) continue
      attempts++
      const parsed = tryParse(lines.slice(i).join('\n'))
      if (parsed.ok && isObject(parsed.value)) return parsed
    }
  }
  return { ok: false, error: `agent output was not JSON: ${answerPreview(trimmed)}` }
}

/** The start of an answer shown in a reason: secrets scrubbed, then cut. */
export function answerPreview(text: string): string {
  return preview(text, PREVIEW_CHARS, { mark: '...' })
}

function tryParse(text: string): ExtractedJson {
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch (err) {
    return { ok: false, error: (err as Error).message }
  }
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

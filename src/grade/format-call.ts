// How calls and values appear in a task's reasons: `issue_refund(amount=25, order_id="A-1")`.
import { preview } from '../util/preview.js'

const MAX_VALUE_CHARS = 80

/** A JSON value as a user reads it in a reason; long values are cut short. */
export function formatValue(value: unknown): string {
  const text = value === undefined ? 'undefined' : (JSON.stringify(value) ?? String(value))
  return preview(text, MAX_VALUE_CHARS, { markInside: true })
}

/** Arguments are shown by sorted key so that the same call always reads the same. */
export function formatCall(tool: string, args: unknown): string {
  return `${tool}(${formatArgs(args)})`
}

function formatArgs(args: unknown): string {
  if (args === undefined) return ''
  if (typeof args !== 'object' || args === null || Array.isArray(args)) return formatValue(args)
  const record = args as Record<string, unknown>
  return Object.keys(record)
    .sort()
    .map((key) => `${key}=${formatValue(record[key])}`)
    .join(', ')
}

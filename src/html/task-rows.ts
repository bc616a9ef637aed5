// The task table's data in report.html, compact: one small object per task with one-letter
// keys, its repeated strings (workflow, tier, risk, status, tags, reasons) as indices into one
// list written after the rows. At 100,000 tasks the block stays a few megabytes and parses fast;
// the page script (client/rows.ts) turns it back into the tasks it lists a page at a time.
import type { TaskResult } from '../model/types.js'

/** One task of the block; absent keys hold their defaults (no reasons, no tags, one attempt). */
export interface TaskRow {
  id: string
  /** workflow, tier, risk, status: indices into the strings. */
  w: number
  t: number
  k: number
  s: number
  /** reasons and tags, indices into the strings. */
  x?: number[]
  g?: number[]
  /** duration_ms, model_calls, tool_calls, cost_usd. */
  d: number
  m: number
  c: number
  u: number | null
  /** attempts [total, passed], when not the one attempt its status implies. */
  a?: [number, number]
  f?: 1
}

/** Numbers each distinct string as it is first met. */
export class StringTable {
  private readonly numbers = new Map<string, number>()
  readonly strings: string[] = []

  of(text: string): number {
    let n = this.numbers.get(text)
    if (n === undefined) {
      n = this.strings.length
      this.numbers.set(text, n)
      this.strings.push(text)
    }
    return n
  }
}

export function taskRow(task: TaskResult, table: StringTable): TaskRow {
  const { total, passed } = task.attempts
  const implied = total === 1 && passed === (task.status === 'pass' ? 1 : 0)
  return {
    id: task.id,
    w: table.of(task.workflow),
    t: table.of(task.tier),
    k: table.of(task.risk),
    s: table.of(task.status),
    ...(task.reasons.length > 0 ? { x: task.reasons.map((r) => table.of(r)) } : {}),
    ...(task.tags && task.tags.length > 0 ? { g: task.tags.map((tag) => table.of(tag)) } : {}),
    d: task.duration_ms,
    m: task.model_calls,
    c: task.tool_calls,
    u: task.cost_usd,
    ...(implied ? {} : { a: [total, passed] as [number, number] }),
    ...(task.flaky ? { f: 1 as const } : {})
  }
}

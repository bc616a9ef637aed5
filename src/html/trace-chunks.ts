import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import type { TraceLine } from '../model/types.js'
import { jsonForScript } from './escape.js'
import { scrubSecrets } from '../util/secrets.js'

/** Trace lines per data block: the page parses one block when a task of it is opened. */
export const TRACES_PER_CHUNK = 50
/** A block is also closed early when it gets this large, so opening a task never parses much. */
const MAX_CHUNK_CHARS = 1_000_000

export interface TraceIndex {
  /** `workflow/task_id` -> the blocks holding that task's attempts. */
  chunks: Record<string, number[]>
  lines: number
  /** Lines that were not a JSON object with a task_id (e.g. cut off by a crash). */
  unreadable: number
}

// Unambiguous: a workflow name has no "/" (src/load/workflow-schema.ts).
export function traceKey(workflow: string, taskId: string): string {
  return `${workflow}/${taskId}`
}

export function chunkElementId(chunk: number): string {
  return `eg-trace-chunk-${chunk}`
}

/**
 * Copies traces.jsonl into the page as `<script type="application/json">` blocks of up to
 * TRACES_PER_CHUNK lines, reading line by line: only one block is ever held in memory.
 */
export async function writeTraceChunks(
  tracesPath: string,
  write: (text: string) => Promise<void>
): Promise<TraceIndex> {
  const index: TraceIndex = { chunks: Object.create(null) as Record<string, number[]>, lines: 0, unreadable: 0 }
  let chunk: string[] = []
  let chunkChars = 0
  let chunkNo = 0

  const flush = async () => {
    if (chunk.length === 0) return
    await write(`<script type="application/json" id="${chunkElementId(chunkNo)}">[${chunk.join(',')}]</script>\n`)
    chunk = []
    chunkChars = 0
    chunkNo++
  }

  const lines = createInterface({ input: createReadStream(tracesPath, { encoding: 'utf8' }), crlfDelay: Infinity })
  for await (const rawLine of lines) {
    const line = scrubSecrets(rawLine.trim())
    if (line === '') continue
    const key = keyOf(line)
    if (key === undefined) {
      index.unreadable++
      continue
    }
    const blocks = (index.chunks[key] ??= [])
    if (blocks[blocks.length - 1] !== chunkNo) blocks.push(chunkNo)
    const safe = jsonForScript(line)
    chunk.push(safe)
    chunkChars += safe.length
    index.lines++
    if (chunk.length >= TRACES_PER_CHUNK || chunkChars >= MAX_CHUNK_CHARS) await flush()
  }
  await flush()
  return index
}

function keyOf(line: string): string | undefined {
  let trace: unknown
  try {
    trace = JSON.parse(line)
  } catch {
    return undefined
  }
  if (typeof trace !== 'object' || trace === null || Array.isArray(trace)) return undefined
  // Any line is copied; only its key is read, and a line cut off by a crash may lack it.
  const { workflow, task_id: taskId } = trace as Partial<Record<keyof Pick<TraceLine, 'workflow' | 'task_id'>, unknown>>
  if (typeof taskId !== 'string') return undefined
  return traceKey(typeof workflow === 'string' ? workflow : '', taskId)
}

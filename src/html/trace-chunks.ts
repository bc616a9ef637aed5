import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createInterface } from 'node:readline'
import type { TraceLine } from '../model/types.js'
import { jsonForScript } from './escape.js'
import { scrubSecrets } from '../util/secrets.js'

/** Trace lines per data block: the page parses one block when a task of it is opened. */
export const TRACES_PER_CHUNK = 50
/** A block is also closed early when it gets this large, so opening a task never parses much. */
const MAX_CHUNK_CHARS = 1_000_000
/**
 * The traces a page embeds at most, so that it opens in about a second however long the run:
 * beyond it the traces of failed and errored attempts go in first, then passing ones in file
 * order while they fit; the rest stay in traces.jsonl only.
 */
export const MAX_EMBEDDED_TRACE_CHARS = 24_000_000

export interface TraceIndex {
  /** `workflow/task_id` -> the blocks holding that task's attempts. */
  chunks: Record<string, number[]>
  lines: number
  /** Lines that were not a JSON object with a task_id (e.g. cut off by a crash). */
  unreadable: number
  /** Trace lines left out to keep the page small (only in traces.jsonl); absent when none was. */
  omitted?: number
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
  write: (text: string) => Promise<void>,
  maxChars = MAX_EMBEDDED_TRACE_CHARS
): Promise<TraceIndex> {
  const embedded = (await stat(tracesPath)).size > maxChars ? await linesThatFit(tracesPath, maxChars) : undefined
  const index: TraceIndex = { chunks: Object.create(null) as Record<string, number[]>, lines: 0, unreadable: 0 }
  let lineNo = -1
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

  for await (const rawLine of readLines(tracesPath)) {
    const line = scrubSecrets(rawLine.trim())
    if (line === '') continue
    const key = keyOf(line)
    if (key === undefined) {
      index.unreadable++
      continue
    }
    lineNo++
    if (embedded && !embedded[lineNo]) {
      index.omitted = (index.omitted ?? 0) + 1
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

function readLines(path: string): AsyncIterable<string> {
  return createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity })
}

/**
 * Which of the readable trace lines (numbered as writeTraceChunks counts them) fit in `maxChars`:
 * those of attempts that did not pass first, then passing ones in file order.
 */
async function linesThatFit(tracesPath: string, maxChars: number): Promise<Uint8Array> {
  const sizes: number[] = []
  const failing: boolean[] = []
  for await (const rawLine of readLines(tracesPath)) {
    const line = scrubSecrets(rawLine.trim())
    const trace = line === '' ? undefined : traceOf(line)
    if (trace === undefined) continue
    sizes.push(jsonForScript(line).length + 1)
    failing.push(trace.status !== 'pass')
  }
  const fits = new Uint8Array(sizes.length)
  let left = maxChars
  for (const wanted of [true, false])
    for (let i = 0; i < sizes.length; i++)
      if (failing[i] === wanted && sizes[i] <= left) {
        fits[i] = 1
        left -= sizes[i]
      }
  return fits
}

type TraceKeys = Partial<Record<keyof Pick<TraceLine, 'workflow' | 'task_id' | 'status'>, unknown>>

/** The line's fields that say whose trace it is, when it is a trace at all. */
function traceOf(line: string): TraceKeys | undefined {
  let trace: unknown
  try {
    trace = JSON.parse(line)
  } catch {
    return undefined
  }
  if (typeof trace !== 'object' || trace === null || Array.isArray(trace)) return undefined
  // Any line is copied; only its key is read, and a line cut off by a crash may lack it.
  return typeof (trace as TraceKeys).task_id === 'string' ? (trace as TraceKeys) : undefined
}

function keyOf(line: string): string | undefined {
  const trace = traceOf(line)
  if (trace === undefined) return undefined
  return traceKey(typeof trace.workflow === 'string' ? trace.workflow : '', trace.task_id as string)
}

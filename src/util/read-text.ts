// Reads a user's file as text. Bytes that are not UTF-8 would become U+FFFD silently, and control
// characters (NUL and the like, which neither YAML nor JSON allows) mean the file is not text:
// both are a `file:line` problem, and nothing of the file is quoted.
import { createHash } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import type { Problem } from './problems.js'

const DECODER = new TextDecoder('utf-8', { fatal: true })
// C0 controls but tab, line feed and carriage return.
// eslint-disable-next-line no-control-regex -- finding control characters is this pattern's job
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/

export type ReadText = { ok: true; text: string } | { ok: false; problem: Problem }
/** `sha256`: the hex digest of the bytes read, which report.json's `versions` records. */
export type ReadFileText = { ok: true; text: string; sha256: string } | { ok: false; problem: Problem }

export async function readUserText(absPath: string, file: string): Promise<ReadFileText> {
  let bytes: Buffer
  try {
    // At once: a loader reads one file after another (a manifest's prompt, policy, tool schemas...),
    // and an asynchronous read waits for the thread pool four times (open, stat, read, close).
    // Not a FIFO: reading one at once would block the whole process until a writer came, Ctrl-C included.
    if (statSync(absPath, { throwIfNoEntry: false })?.isFIFO()) throw new Error('a named pipe, not a file')
    bytes = readFileSync(absPath)
  } catch (err) {
    return { ok: false, problem: { file, message: `cannot read file: ${(err as Error).message}`, severity: 'error' } }
  }
  const decoded = decodeUserText(bytes, file)
  return decoded.ok ? { ...decoded, sha256: sha256Of(bytes) } : decoded
}

function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

export function decodeUserText(bytes: Uint8Array, file: string): ReadText {
  let text: string
  try {
    text = DECODER.decode(bytes)
  } catch {
    const at = firstInvalidByte(bytes)
    return {
      ok: false,
      problem: {
        file,
        line: lineAt(bytes, at),
        message: `not UTF-8 text: byte 0x${bytes[at].toString(16).padStart(2, '0')} at offset ${at} is not valid UTF-8 (save the file as UTF-8)`,
        severity: 'error'
      }
    }
  }
  const control = CONTROL.exec(text)
  if (control) {
    const line = text.slice(0, control.index).split('\n').length
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')
    return {
      ok: false,
      problem: {
        file,
        line,
        message: `not a text file: it holds the control character U+${code}, which YAML and JSON do not allow`,
        severity: 'error'
      }
    }
  }
  return { ok: true, text }
}

/** The offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const length = sequenceLength(bytes, i)
    if (length === 0) return i
    i += length
  }
  return bytes.length - 1
}

/** UTF-8 lead bytes: [first, last, sequence length, range of the second byte]. */
const LEADS: [number, number, number, number, number][] = [
  [0xc2, 0xdf, 2, 0x80, 0xbf],
  [0xe0, 0xe0, 3, 0xa0, 0xbf],
  [0xe1, 0xec, 3, 0x80, 0xbf],
  [0xed, 0xed, 3, 0x80, 0x9f],
  [0xee, 0xef, 3, 0x80, 0xbf],
  [0xf0, 0xf0, 4, 0x90, 0xbf],
  [0xf1, 0xf3, 4, 0x80, 0xbf],
  [0xf4, 0xf4, 4, 0x80, 0x8f]
]

/** The length of the valid UTF-8 sequence at `i`, or 0. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i]
  if (b < 0x80) return 1
  const lead = LEADS.find(([first, last]) => b >= first && b <= last)
  if (!lead) return 0
  const [, , length, min, max] = lead
  if (i + length > bytes.length || bytes[i + 1] < min || bytes[i + 1] > max) return 0
  for (let k = 2; k < length; k++) if (bytes[i + k] < 0x80 || bytes[i + k] > 0xbf) return 0
  return length
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++
  return line
}

// The tools backend protocol (README "Tools backends"): three operations, each answered by one
// JSON value. A command backend reads `{"op": ...}` lines on stdin and writes one answer line per
// request on stdout; an HTTP backend takes `POST <url>/<op>` with `{ attempt, ... }`.
import * as z from 'zod'
import { isPlainMap } from '../model/schema-common.js'
import type { BackendAnswer } from '../model/tools-backend.js'
import { preview } from '../util/preview.js'

export type Operation = 'reset' | 'call' | 'state'

/** The fields of each operation's request besides its name (and, over HTTP, the attempt id). */
export type Request = { op: 'reset'; state: unknown } | { op: 'call'; tool: string; args: unknown } | { op: 'state' }

const withKey = <K extends string>(key: K) =>
  z.custom<Record<K, unknown>>((value) => isPlainMap(value) && Object.hasOwn(value, key))

const ANSWERS = {
  reset: { schema: z.object({ ok: z.literal(true) }), shape: '{"ok": true}' },
  call: {
    schema: z.union([z.object({ error: z.string() }), withKey('result')]),
    shape: '{"result": ...} or {"error": "..."}'
  },
  state: { schema: withKey('state'), shape: '{"state": ...}' }
} as const

const ANSWER_PREVIEW_CHARS = 200

/** A transport's outcome for one request: the answer's JSON value, or why there is none. */
export type Exchange = { ok: true; value: unknown } | { ok: false; failure: string }

/** The answer to a `call` as the sandbox uses it, or a failure when it is not the protocol's. */
export function callAnswer(value: unknown): BackendAnswer {
  const parsed = ANSWERS.call.schema.safeParse(value)
  if (!parsed.success) return { failure: notTheAnswer('call', value) }
  const answer = parsed.data as { error?: unknown; result?: unknown }
  return typeof answer.error === 'string' ? { error: answer.error } : { result: answer.result }
}

export function isResetAnswer(value: unknown): boolean {
  return ANSWERS.reset.schema.safeParse(value).success
}

/** The state a `state` answer holds; undefined when it is not one. */
export function stateOf(value: unknown): { state: unknown } | undefined {
  const parsed = ANSWERS.state.schema.safeParse(value)
  return parsed.success ? { state: parsed.data.state } : undefined
}

export function notTheAnswer(op: Operation, value: unknown): string {
  const shown = preview(JSON.stringify(value) ?? String(value), ANSWER_PREVIEW_CHARS, { mark: '...' })
  return `answered ${op} with ${shown}, which is not ${ANSWERS[op].shape}`
}

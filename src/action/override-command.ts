// `/evalgate override [<sha>] <reason>` and `/evalgate override cancel [<sha>]`, parsed from a PR
// comment's body. Pure.

export const OVERRIDE_USAGE = '/evalgate override [<sha>] <reason>'
export const CANCEL_USAGE = '/evalgate override cancel [<sha>]'

export type ParsedComment =
  | { kind: 'not-a-command' }
  | { kind: 'unknown-command'; word: string }
  | { kind: 'override'; sha?: string; reason: string }
  /** Takes back the override of a head; any words after the SHA are a note, not needed. */
  | { kind: 'cancel'; sha?: string; note: string }

const COMMAND = /^\/evalgate(?=\s|$)/i
/**
 * A hex word of 6 or more characters in the SHA position is a SHA, never reason text: read as
 * text, a mistyped or stale abbreviation would override whatever the head is now.
 */
const SHA_WORD = /^[0-9a-f]{6,}$/i
/** What names a commit: the full SHA, or an abbreviation of at least 7 characters (as git prints them). */
const NAMES_A_COMMIT = /^[0-9a-f]{7,40}$/i
export const MIN_SHA_LENGTH = 7

export function parseOverrideCommand(body: string): ParsedComment {
  const text = body.trimStart()
  if (!COMMAND.test(text)) return { kind: 'not-a-command' }
  const [word = '', ...rest] = text.replace(COMMAND, '').trim().split(/\s+/)
  if (word.toLowerCase() !== 'override') return { kind: 'unknown-command', word }
  const cancel = rest[0]?.toLowerCase() === 'cancel'
  if (cancel) rest.shift()
  const sha = rest[0] !== undefined && SHA_WORD.test(rest[0]) ? rest.shift()!.toLowerCase() : undefined
  const words = rest.join(' ').trim()
  if (cancel) return { kind: 'cancel', ...(sha ? { sha } : {}), note: words }
  return { kind: 'override', ...(sha ? { sha } : {}), reason: words }
}

/** Whether a SHA named in a command (full or abbreviated to at least 7 hex chars) is `headSha`. */
export function namesCommit(named: string, headSha: string): boolean {
  return NAMES_A_COMMIT.test(named) && headSha.toLowerCase().startsWith(named.toLowerCase())
}

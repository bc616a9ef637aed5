// `/evalgate override [<sha>] <reason>`, parsed from a PR comment's body. Pure.

export const OVERRIDE_USAGE = '/evalgate override [<sha>] <reason>'

export type ParsedComment =
  | { kind: 'not-a-command' }
  | { kind: 'unknown-command'; word: string }
  | { kind: 'override'; sha?: string; reason: string }

const COMMAND = /^\/evalgate(?=\s|$)/i
const SHA = /^[0-9a-f]{7,40}$/i

export function parseOverrideCommand(body: string): ParsedComment {
  const text = body.trimStart()
  if (!COMMAND.test(text)) return { kind: 'not-a-command' }
  const [word = '', ...rest] = text.replace(COMMAND, '').trim().split(/\s+/)
  if (word.toLowerCase() !== 'override') return { kind: 'unknown-command', word }
  const sha = rest[0] !== undefined && SHA.test(rest[0]) ? rest.shift()!.toLowerCase() : undefined
  return { kind: 'override', ...(sha ? { sha } : {}), reason: rest.join(' ').trim() }
}

/** Whether a SHA named in a command (full or abbreviated to at least 7 hex chars) is `headSha`. */
export function namesCommit(named: string, headSha: string): boolean {
  return SHA.test(named) && headSha.toLowerCase().startsWith(named.toLowerCase())
}

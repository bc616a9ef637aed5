// The one way evalgate shortens text it shows (a reason, a trace field, a report line, a comment):
// secrets are scrubbed first and the cut comes after, so a cut can never end inside a secret and
// leave part of it behind for a later scrub to miss.
import { longestSecretLength, scrubSecrets } from './secrets.js'

export interface PreviewOptions {
  /** Appended when the text was cut (default `…`). */
  mark?: string
  /** Whether `chars` counts the mark too (default false: `chars` characters of text, then the mark). */
  markInside?: boolean
}

/** `text` without secrets, cut to `chars` characters (and the mark) when it is longer. */
export function preview(text: string, chars: number, opts: PreviewOptions = {}): string {
  const mark = opts.mark ?? '…'
  const { clean, whole } = scrubbedHead(text, chars)
  if (whole && clean.length <= chars) return clean
  return clean.slice(0, Math.max(0, opts.markInside ? chars - mark.length : chars)) + mark
}

/**
 * The last `chars` characters of `text` without secrets. `cutAtStart`: `text` is itself the tail
 * of something longer, so it may begin with the rest of a secret whose start was dropped: then the
 * first characters that could be such a rest are never shown.
 */
export function previewTail(text: string, chars: number, cutAtStart = false): string {
  const clean = scrubSecrets(text)
  const from = cutAtStart ? Math.min(clean.length, longestSecretLength()) : 0
  return clean.slice(Math.max(from, clean.length - chars))
}

/**
 * At least the first `want` characters of `text` once scrubbed (or all of it: `whole`). Only a
 * window is scrubbed, so a preview of megabytes costs little; a secret the window's end cuts lies
 * in its last `longestSecretLength()` characters, which are never returned.
 */
function scrubbedHead(text: string, want: number): { clean: string; whole: boolean } {
  const lookahead = longestSecretLength()
  for (let end = want + lookahead + 1; ; end *= 2) {
    if (end >= text.length) return { clean: scrubSecrets(text), whole: true }
    const clean = scrubSecrets(text.slice(0, end))
    const safe = clean.length - lookahead
    if (safe >= want) return { clean: clean.slice(0, safe), whole: false }
  }
}

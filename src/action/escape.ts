// Text a commenter wrote is echoed into comments, replies and logs only through here: on one line,
// capped, with nothing GitHub or the runner would act on (workflow commands, mentions, HTML, markdown).
import { inertText } from '../report/inert-text.js'
import { preview } from '../util/preview.js'

export const MAX_REASON_LENGTH = 500

// Beyond inertText: no emphasis, strike-through or table break either, since a reason is free prose.
const EMPHASIS = /[*_|~]/g

export function escapeUserText(text: string, maxLength = MAX_REASON_LENGTH): string {
  // Cut (and scrubbed) before escaping: an escape could hide a secret from the scrub.
  const capped = preview(text.replace(/\s+/g, ' ').trim(), maxLength, { markInside: true })
  return (
    inertText(capped, true)
      .trim()
      .replace(EMPHASIS, (c) => `\\${c}`)
      // A workflow command needs `::` at a line start; breaking every `::` also covers logs that wrap.
      .replace(/::/g, ':\u200b:')
  )
}

/** A GitHub login as shown in a comment, without notifying its owner. */
export function quietMention(login: string): string {
  return `@\u200b${login}`
}

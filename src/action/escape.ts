// Text a commenter wrote is echoed into comments, replies and logs only through here: on one line,
// capped, with nothing GitHub or the runner would act on (workflow commands, mentions, HTML, markdown).
import { preview } from '../util/preview.js'

export const MAX_REASON_LENGTH = 500

const INVISIBLE = /[\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g
const MARKDOWN = /[\\`*_[\]|~]/g

export function escapeUserText(text: string, maxLength = MAX_REASON_LENGTH): string {
  const oneLine = text.replace(/\s+/g, ' ').replace(INVISIBLE, '').trim()
  const capped = preview(oneLine, maxLength, { markInside: true })
  return (
    capped
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(MARKDOWN, (c) => `\\${c}`)
      // A workflow command needs `::` at a line start; breaking every `::` also covers logs that wrap.
      .replace(/::/g, ':\u200b:')
      .replace(/@(?=[\w-])/g, '@\u200b')
  )
}

/** A GitHub login as shown in a comment, without notifying its owner. */
export function quietMention(login: string): string {
  return `@\u200b${login}`
}

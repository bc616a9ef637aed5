// Text that evalgate did not write itself — agent output quoted in a reason, task ids, names and
// values from a pull request's files — shown in markdown that GitHub renders (the PR comment, the
// job summary, summary.md). Made inert: no @mention that notifies (a user or an `org/team`), no
// HTML, no link or image, no code span or escape it could close, no invisible or bidi characters
// that make it read differently than it is. What stays is readable text on one line.

// eslint-disable-next-line no-control-regex -- removing control characters is this pattern's job
const INVISIBLE = /[\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g

// Only what could start an entity (`&#64;` renders as the `@` it stands for), a tag, an autolink or
// an HTML comment; `a & b` and `76% < 80%` stay as they read.
const MARKUP_START = /&(?=[#A-Za-z])|<(?=[A-Za-z/!?])/g
const EVERY = /[&<>]/g
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' }

/** `everyAngle`: escape every `&`, `<` and `>`, not only those that could start markup. */
export function inertText(text: string, everyAngle = false): string {
  const html = everyAngle ? EVERY : MARKUP_START
  return (
    text
      .replace(/\s*[\r\n]+\s*/g, ' ')
      .replace(INVISIBLE, '')
      .replace(html, (c) => ENTITIES[c])
      // Links and images need `[`; code spans a backtick; a backslash would undo the escapes.
      .replace(/[\\`[\]]/g, (c) => `\\${c}`)
      // A zero-width space after `@` keeps the text and drops the notification (users and teams).
      .replace(/@(?=[\w-])/g, '@\u200b')
  )
}

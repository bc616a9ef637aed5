import { h, type Html } from '../escape.js'

/** How many task names a list shows before folding the rest away. */
const SHOWN = 30

/** Task names as buttons: the page script opens the task in the table when one is clicked. */
export function taskLinks(names: string[]): Html {
  const link = (name: string) => h('button', { type: 'button', class: 'task-link', 'data-task': name }, name)
  const shown = names.slice(0, SHOWN).map(link)
  const rest = names.slice(SHOWN)
  return h(
    'div',
    { class: 'task-links' },
    ...shown,
    rest.length > 0 && h('details', null, h('summary', null, `${rest.length} more`), ...rest.map(link))
  )
}

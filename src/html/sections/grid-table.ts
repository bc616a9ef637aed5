// A plain table of the page's grid style: a header row of names, then one row of cells per item.
import { h, type Child, type Html } from '../escape.js'

export function gridTable(header: readonly string[], rows: readonly (readonly Child[])[]): Html {
  return h(
    'table',
    { class: 'grid-table' },
    h('thead', null, h('tr', null, ...header.map((name) => h('th', null, name)))),
    h('tbody', null, ...rows.map((cells) => h('tr', null, ...cells.map((cell) => h('td', null, cell)))))
  )
}

// What each workflow is allowed to do and what leaves the building: the manifest a security
// reviewer reads before the numbers.
import { PHASE_RULES } from '../../model/rollout.js'
import type { Report, WorkflowInfo } from '../../model/types.js'
import { h, type Child, type Html } from '../escape.js'
import {
  agentText,
  governanceFacts,
  identityText,
  listOrNone,
  NO_GOVERNANCE,
  NOT_DECLARED,
  NOT_RECORDED,
  type Fact,
  type FactCell
} from './manifest-facts.js'
import { permissionTable } from './permission-table.js'
import { gridTable } from './grid-table.js'

export function workflowsSection(report: Report): Html {
  return h(
    'section',
    { id: 'workflows' },
    h('h2', null, report.workflows.length === 1 ? 'Workflow' : 'Workflows'),
    ...report.workflows.map(workflowCard)
  )
}

function workflowCard(w: WorkflowInfo): Html {
  return h(
    'article',
    { class: 'workflow', 'data-workflow': w.name },
    h('h3', null, w.name),
    w.description && h('p', null, w.description),
    definitions([
      ['Manifest', w.file],
      ['Tasks', String(w.tasks)],
      ['Agent', agentText(w)],
      ['Rollout phase', phaseText(w)],
      ['Identity', identityText(w)],
      ['Runbook', w.runbook ?? NOT_DECLARED],
      ['Input sources', w.inputs ? listOrNone(w.inputs.sources) : NOT_RECORDED],
      ['Required input fields', w.inputs ? listOrNone(w.inputs.required) : NOT_RECORDED]
    ]),
    h('h4', null, 'Permission matrix'),
    permissionTable(w.permissions, w.phase ?? 'autonomous'),
    h('h4', null, 'Outcomes'),
    w.outcomes
      ? definitions([
          ['Success', w.outcomes.success ?? 'not defined'],
          ['Failure', w.outcomes.failure ?? 'not defined']
        ])
      : h('p', { class: 'muted' }, NOT_RECORDED),
    h('h4', null, 'Out of scope'),
    w.out_of_scope
      ? bulletList(w.out_of_scope, 'nothing declared out of scope')
      : h('p', { class: 'muted' }, NOT_RECORDED),
    h('h4', null, 'Data governance'),
    governance(w)
  )
}

/** The phase it was judged at and what the agent may do there; a report before phases ran as autonomous runs now. */
function phaseText(w: WorkflowInfo): Child {
  if (!w.phase) return 'not recorded in this report (it predates rollout phases: the matrix as written)'
  const declared = w.declared_phase ? ` (by --phase; its workflow.yml declares ${w.declared_phase})` : ''
  return [h('strong', { class: 'phase' }, w.phase), `${declared} — ${PHASE_RULES[w.phase].allows}`]
}

function governance(w: WorkflowInfo): Html {
  const g = w.data_governance
  if (!g) return h('p', { class: 'muted' }, NO_GOVERNANCE)
  return definitions(governanceFacts(g).map(([term, value]) => [term, factValue(value)]))
}

/** A list value as bullets, a table value as a table. */
function factValue(value: Fact[1]): Child {
  if (typeof value === 'string') return value
  if (Array.isArray(value)) return bulletList(value, '')
  return gridTable(
    value.header,
    value.rows.map((cells) => cells.map(cellHtml))
  )
}

function cellHtml(cell: FactCell): Child {
  if (typeof cell === 'string') return cell
  if (cell.code) return h('code', null, cell.text)
  return cell.muted ? h('span', { class: 'muted' }, cell.text) : cell.text
}

function definitions(rows: [string, Child][]): Html {
  return h('dl', { class: 'definitions' }, ...rows.map(([term, value]) => [h('dt', null, term), h('dd', null, value)]))
}

function bulletList(items: string[], empty: string): Html {
  if (items.length === 0) return h('p', { class: 'muted' }, empty)
  return h('ul', null, ...items.map((item) => h('li', null, item)))
}

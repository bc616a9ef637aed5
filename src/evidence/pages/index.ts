// The pack's pages in the order the index lists them, and the index itself: the run's decision
// first (an undecided run says so before anything else), then one line per page.
import type { Block, Inline } from '../blocks.js'
import { decisionCallout } from '../decision.js'
import type { EvidenceInput } from '../input.js'
import { muted, paragraph, workflowNames } from '../make.js'
import { PAGE_TITLES, type PackPage, type PageContent } from '../page.js'
import { runsOf } from '../blocks.js'
import { evalReportPage } from './eval-report.js'
import { governancePage } from './governance.js'
import { manifestPage } from './manifest.js'
import { permissionsPage } from './permissions.js'
import { readinessPage } from './readiness.js'
import { runbookPage } from './runbook.js'
import { traceSamplePage } from './trace-sample.js'

export const PAGES: readonly PackPage[] = [
  manifestPage,
  permissionsPage,
  governancePage,
  evalReportPage,
  traceSamplePage,
  runbookPage,
  readinessPage
]

/** Every page of the pack, the index first. */
export function packPages(input: EvidenceInput): PageContent[] {
  const lede = ledeOf(input)
  return [
    { id: 'index', title: PAGE_TITLES.index, lede, blocks: indexBlocks(input) },
    ...PAGES.map((page) => ({ id: page.id, title: page.title, lede, blocks: page.blocks(input) }))
  ]
}

function indexBlocks(input: EvidenceInput): Block[] {
  const items = PAGES.map((page): Inline[] => [
    { text: page.title, page: page.id },
    ': ',
    ...runsOf(page.summary(input))
  ])
  return [
    decisionCallout(input.run),
    { kind: 'list', ordered: true, items },
    ...(input.run?.reportHtml
      ? [
          paragraph([
            "The run's full report, every task and trace: ",
            { text: 'report.html', href: input.run.reportHtml },
            '.'
          ])
        ]
      : []),
    muted(
      'Each page prints on its own, a sheet per workflow where the content allows; the same pages are beside ' +
        'these as markdown (index.md) for a wiki.'
    )
  ]
}

function ledeOf(input: EvidenceInput): string {
  if (!input.run) return `${workflowNames(input)} · no run given`
  const { report } = input.run
  const commit = report.commit ? `, commit ${report.commit.slice(0, 12)}` : ''
  return `${workflowNames(input)} · run of ${report.created_at}${commit}`
}

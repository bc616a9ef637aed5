// What users see, rendered from the canonical reports by the same builders evalgate runs:
// summary.md, junit.xml, the PR comment, the job summary of an override, the scorecard and its monthly review.
// golden.test.ts compares these with the committed files; `npm run golden` rewrites them.
import { parseComment } from '../../src/action/comment-body.js'
import { noChangesComment, verdictComment, type CommentTarget } from '../../src/action/comment-update.js'
import { emptyState } from '../../src/action/pr-comment.js'
import { verdictOf, type Verdict } from '../../src/action/verdict.js'
import type { Report } from '../../src/model/types.js'
import { renderJunit } from '../../src/report/junit.js'
import { OUTPUTS, type OutputPaths } from '../../src/report/outputs.js'
import { renderSummary } from '../../src/report/summary.js'
import { computeScorecard } from '../../src/scorecard/compute.js'
import { renderScorecardMarkdown } from '../../src/scorecard/markdown.js'
import { renderMonthlyReviewMarkdown } from '../../src/scorecard/review-markdown.js'
import {
  CONTEXT,
  HEAD,
  NEXT_HEAD,
  RUN_URL,
  errorReport,
  failReport,
  override,
  passReport
} from './canonical-reports.js'

/** Where the action's run wrote its files (the `out` input's default). */
const PATHS = Object.fromEntries(OUTPUTS.map((o) => [o.name, `evalgate-report/${o.file}`])) as OutputPaths
/** The PR comment on the commit a report is of. */
const on = (sha: string): CommentTarget => ({ context: CONTEXT, sha, runUrl: RUN_URL, artifactName: 'evalgate-report' })

function verdict(report: Report, approved?: typeof override): Verdict {
  return verdictOf({ kind: 'report', report, paths: PATHS }, approved)
}

/** Each golden file by its path under test/golden/. */
export function goldenFiles(): Record<string, string> {
  const files: Record<string, string> = {}
  const reports = { pass: passReport, fail: failReport, error: errorReport }
  for (const [name, report] of Object.entries(reports)) {
    files[`${name}/summary.md`] = renderSummary(report)
    files[`${name}/junit.xml`] = renderJunit(report)
    files[`${name}/comment.md`] = verdictComment(emptyState(), on(report.commit!), verdict(report), undefined)
  }
  const overridden = verdict(failReport, override)
  const overriddenComment = verdictComment(emptyState(), on(HEAD), overridden, override)
  files['overridden/job-summary.md'] = overridden.summary
  files['overridden/comment.md'] = overriddenComment
  // The next push changes no agent file: the comment says so and keeps the override log.
  const earlier = parseComment(overriddenComment, CONTEXT)!.state
  files['no-changes/comment.md'] = noChangesComment(earlier, on(NEXT_HEAD))
  const series = Object.entries(reports).map(([name, report]) => ({ file: `reports/${name}.json`, report }))
  const card = computeScorecard(series)
  files['scorecard/scorecard.md'] = renderScorecardMarkdown(card)
  files['scorecard/monthly-review.md'] = renderMonthlyReviewMarkdown(card)
  return files
}

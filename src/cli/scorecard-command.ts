import { parseArgs } from './parse-args.js'
import { InputError } from '../util/problems.js'
import { computeScorecard } from '../scorecard/compute.js'
import { readScorecardReports } from '../scorecard/read.js'
import { writeScorecard } from '../scorecard/write.js'
import { EXIT } from './exit-codes.js'

/** `evalgate scorecard REPORT.json... [--out DIR]`: the trend over a series of reports. */
export async function scorecardCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { out: { type: 'string', default: 'evalgate-scorecard' } }
  })
  if (positionals.length === 0)
    throw new InputError('scorecard needs the reports: evalgate scorecard REPORT.json... [--out DIR]')
  const card = computeScorecard(await readScorecardReports(positionals))
  const paths = await writeScorecard(values.out!, card)
  process.stdout.write(
    `scorecard of ${card.columns.length} report${card.columns.length === 1 ? '' : 's'}\n` +
      `markdown: ${paths.markdown}\nhtml:     ${paths.html}\n` +
      `monthly review: ${paths.review_markdown}, ${paths.review_html}\n`
  )
  return EXIT.pass
}

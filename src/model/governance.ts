// The parts of workflow.yml `data_governance` beyond redaction: who processes the data (with
// their DPA), what is stored where, and how long each kind of data is kept.
import * as z from 'zod'
import { httpUrl, nonNegativeInt, strictMap, text } from './schema-common.js'

export const subprocessorSchema = strictMap({
  name: text.describe('Who processes the data, e.g. OpenAI.'),
  region: text.optional().describe('Where they process it, e.g. us or eu-west-1.'),
  dpa_url: httpUrl.optional().describe('Their data processing agreement (an http(s) URL).')
})
export type Subprocessor = z.output<typeof subprocessorSchema>

export const storedSchema = strictMap({
  what: text.describe('The data, e.g. "ticket transcripts" or "evalgate reports".'),
  where: text.describe('The store, e.g. "Zendesk (eu)" or "GitHub Actions artifacts".'),
  retention_days: nonNegativeInt.optional().describe('How long it is kept there, in days.')
})
export type Stored = z.output<typeof storedSchema>

export const RETENTION_KINDS = ['prompts', 'traces', 'artifacts'] as const
export type RetentionKind = (typeof RETENTION_KINDS)[number]

export const retentionSchema = strictMap({
  prompts_days: nonNegativeInt
    .optional()
    .describe('Prompts and model responses (the provider and your own logs), in days.'),
  traces_days: nonNegativeInt
    .optional()
    .describe("The agent's traces of tool calls in your observability store, in days."),
  artifacts_days: nonNegativeInt
    .optional()
    .describe("evalgate's own outputs (report.json, traces.jsonl, report.html): the action's retention-days output.")
})
export type Retention = z.output<typeof retentionSchema>

/** The fields data_governance has besides model_provider, region, retention_days, sent_to_model and redact. */
export const governanceFields = {
  subprocessors: z
    .array(subprocessorSchema)
    .optional()
    .describe('Every third party that processes the data: name, region, DPA URL.'),
  stored: z.array(storedSchema).optional().describe('What is stored where, and for how long.'),
  retention: retentionSchema
    .optional()
    .describe('Days each kind of data is kept; a kind left out is kept retention_days.')
}

/** How long data of `kind` is kept: its own `retention.<kind>_days`, else `retention_days`; undefined when neither says. */
export function retentionDays(
  governance: { retention_days?: number; retention?: Retention } | undefined,
  kind: RetentionKind
): number | undefined {
  return governance?.retention?.[`${kind}_days`] ?? governance?.retention_days
}

// Reading report.json files back (shards to merge, baselines). Unknown extra keys are
// kept, so that a newer field survives a merge; what merge recomputes from must be exact.
import { readFile } from 'node:fs/promises'
import { decodeUserText } from '../load/read-text.js'
import { jsonMessage } from '../load/yaml-messages.js'
import { z } from 'zod'
import { InputError } from '../load/problems.js'
import { RISKS, TIERS } from '../model/types.js'
import type { Report } from '../model/types.js'
import { gateRulesSchema } from '../model/gate-rules-schema.js'
import { flakyTasks, runAttempts } from './build.js'

const tier = z.enum(TIERS)
const count = z.number().int().nonnegative()
const rate = z.number().min(0).max(1)
const tokens = z.object({ input: count, output: count })

const taskResult = z.looseObject({
  id: z.string().min(1),
  workflow: z.string().min(1),
  tier,
  risk: z.enum(RISKS),
  tags: z.array(z.string()).default([]),
  status: z.enum(['pass', 'fail', 'error', 'not_run']),
  reasons: z.array(z.string()).default([]),
  causes: z.array(z.string()).default([]),
  attempts: z.object({ total: count, passed: count, errored: count.optional() }),
  flaky: z.boolean().optional(),
  duration_ms: z.number().nonnegative(),
  model_calls: count,
  tokens,
  cost_usd: z.number().nonnegative().nullable(),
  tool_calls: count,
  escalated: z.boolean().optional()
})

const gateRules = gateRulesSchema

const tierSummary = z.looseObject({
  workflow: z.string(),
  tier,
  total: count,
  passed: count,
  failed: count,
  errored: count,
  not_run: count.default(0),
  success_rate: rate,
  ci_low: rate,
  ci_high: rate,
  threshold: rate.nullable(),
  min_tasks: count.nullable().default(null),
  gated: z.boolean(),
  ok: z.boolean(),
  attempt_success_rate: rate,
  baseline_rate: rate.nullable().optional(),
  max_drop: rate.nullable().optional(),
  cost_usd: z.number().nullable()
})

const baselineTier = z.object({ workflow: z.string(), tier, success_rate: rate })

const ruleValue = z.union([z.number(), z.string()]).nullable()
const taskRef = z.looseObject({ workflow: z.string(), id: z.string() })
/** report.gate_changes (GateChanges in src/model/types.ts): kept through a merge. */
const gateChanges = z.looseObject({
  base: z.looseObject({ sha: z.string().min(1), via: z.string() }),
  first_run: z.boolean().optional(),
  thresholds: z.array(
    z.looseObject({
      rule: z.string(),
      base: ruleValue,
      pr: ruleValue,
      applied: z.enum(['base', 'pr']),
      effective: ruleValue.optional()
    })
  ),
  tasks: z.looseObject({
    added: z.array(taskRef),
    removed: z.array(taskRef),
    changed: z.array(
      taskRef.extend({
        fields: z.array(z.string()),
        diff: z.array(z.string()),
        pr_form: z.looseObject({ status: z.string(), reasons: z.array(z.string()) }).optional()
      })
    )
  }),
  workflows: z.looseObject({
    renamed: z.array(z.looseObject({ from: z.string(), to: z.string() })),
    added: z.array(z.string()),
    removed: z.array(z.string())
  }),
  permissions: z.array(z.looseObject({ workflow: z.string(), tool: z.string(), change: z.string() })),
  endpoints: z.array(z.looseObject({ workflow: z.string(), field: z.string(), note: z.string() })),
  notes: z.array(z.string())
})

export const reportSchema = z.looseObject({
  version: z.literal(1),
  decision: z.enum(['pass', 'fail', 'error']),
  reasons: z.array(z.string()),
  commit: z.string().optional(),
  created_at: z.string(),
  repeat: z.number().int().positive().optional(),
  attempts: z
    .looseObject({
      mode: z.enum(['adaptive', 'fixed']),
      rounds: count,
      total: count,
      extra: count,
      extra_cost_usd: z.number().nonnegative().nullable(),
      stopped_by: z.string().optional()
    })
    .optional(),
  flaky_tasks: z.array(z.string()).optional(),
  shard: z
    .object({ index: count, count: z.number().int().positive(), set_hash: z.string().min(1), set_size: count })
    .optional(),
  workflows: z.array(
    z.looseObject({ name: z.string(), description: z.string().optional(), file: z.string(), tasks: count })
  ),
  tiers: z.array(tierSummary),
  tasks: z.array(taskResult),
  failure_modes: z
    .array(z.looseObject({ cause: z.string(), label: z.string(), count, tasks: z.array(z.string()) }))
    .optional(),
  baseline: z
    .looseObject({
      file: z.string(),
      regressions: z.array(z.string()),
      fixed: z.array(z.string()),
      tiers: z.array(baselineTier),
      missing_tiers: z.array(z.object({ workflow: z.string(), tier })).optional(),
      statuses: z.record(z.string(), z.string()).optional(),
      flaky: z.array(z.string()).optional(),
      high_risk_regressions: z.array(z.string()).optional(),
      attempts: z.record(z.string(), z.object({ total: count, passed: count })).optional()
    })
    .optional(),
  totals: z.looseObject({
    tasks: count,
    passed: count,
    failed: count,
    errored: count,
    not_run: count.default(0),
    error_rate: rate,
    duration_ms: z.number().nonnegative(),
    model_calls: count,
    tool_calls: count,
    tokens,
    cost_usd: z.number().nullable(),
    cost_per_success_usd: z.number().nullable(),
    cost_unknown_models: z.array(z.string()).optional()
  }),
  gate: z.object({
    rules: gateRules,
    workflows: z.record(z.string(), gateRules.partial()),
    max_error_rate: rate
  }),
  gate_changes: gateChanges.optional()
})

/** Reads and parses a JSON file; a missing file or bad JSON is the user's mistake. */
export async function readJsonFile(file: string): Promise<unknown> {
  let bytes: Buffer
  try {
    bytes = await readFile(file)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const message = code === 'ENOENT' ? 'file not found' : `cannot read: ${(error as Error).message}`
    throw new InputError([{ file, message, severity: 'error' }])
  }
  const decoded = decodeUserText(bytes, file)
  if (!decoded.ok) throw new InputError([decoded.problem])
  try {
    return JSON.parse(decoded.text) as unknown
  } catch (error) {
    throw notAReport(file, `not valid JSON (${jsonMessage((error as Error).message)})`)
  }
}

export function notAReport(file: string, detail: string): InputError {
  return new InputError([{ file, message: `not an evalgate report: ${detail}`, severity: 'error' }])
}

/** The first few schema problems on one line, e.g. `tasks.3.status: Invalid option ...`. */
export function describeIssues(error: z.ZodError, limit = 3): string {
  const lines = error.issues
    .slice(0, limit)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(top level)'}: ${issue.message}`)
  const more = error.issues.length > limit ? ` (and ${error.issues.length - limit} more)` : ''
  return lines.join('; ') + more
}

export function parseReport(data: unknown, file: string): Report {
  const result = reportSchema.safeParse(data)
  if (!result.success) throw notAReport(file, describeIssues(result.error))
  const report = result.data
  // A report written before issue 9 ran a fixed number of attempts (repeat, default 1).
  return {
    ...report,
    attempts: report.attempts ?? runAttempts(report.tasks, { repeat: report.repeat ?? 1 }),
    flaky_tasks: report.flaky_tasks ?? flakyTasks(report.tasks)
  }
}

export async function readReport(file: string): Promise<Report> {
  return parseReport(await readJsonFile(file), file)
}

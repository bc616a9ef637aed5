// The action's inputs (action.yml), read and checked once.
import * as core from '@actions/core'
import { READINESS_MODES, type ReadinessMode } from '../gate/readiness.js'
import { phaseNamed } from '../model/rollout.js'
import { PHASES, type Phase } from '../model/types.js'
import { registerSecret } from '../util/secrets.js'

export const MODES = ['gate', 'override', 'merge'] as const
export type Mode = (typeof MODES)[number]

export interface ActionInputs {
  mode: Mode
  tasks: string
  thresholds: string
  out: string
  openaiApiKey?: string
  openaiBaseUrl?: string
  concurrency: number
  /** A fixed number of attempts per task; absent: adaptive (thresholds.yml decides). */
  repeat?: number
  shard?: string
  baseline?: string
  /** The response cache folder (as `evalgate run --cache`); absent: no cache. */
  cache?: string
  /** Every workflow judged at this rollout phase (as `evalgate run --phase`); absent: each at its own. */
  phase?: Phase
  token: string
  /** Reads org team membership for `org/team` approvers; default: `token`. */
  teamsToken: string
  statusContext: string
  comment: boolean
  /** The name the workflow uploads `out` as; the PR comment links to it. */
  artifactName: string
  /** Globs whose change triggers the gate; empty: the defaults from the manifests. */
  agentPaths: string[]
  shardReports: string
  /** OTLP/HTTP base endpoint for the attempts' traces; absent: the OTEL_EXPORTER_OTLP_* variables. */
  otlpEndpoint?: string
  /** `strict`: a missing section of the readiness checklist fails the gate; `report` (default): only shown. */
  readiness: ReadinessMode
}

export class ActionInputError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ActionInputError'
  }
}

export function readInputs(eventName: string): ActionInputs {
  const text = (name: string) => core.getInput(name).trim()
  // Without the input the engine reads the env var the manifest names (default OPENAI_API_KEY).
  const openaiApiKey = text('openai-api-key') || undefined
  const token = text('github-token')
  if (!token) throw new ActionInputError('input github-token is empty (default: ${{ github.token }})')
  const teamsToken = text('teams-token') || token
  // Masked in the log, and registered so that no agent gets a variable holding one of them.
  for (const secret of [openaiApiKey, token, teamsToken]) {
    if (!secret) continue
    core.setSecret(secret)
    registerSecret(secret)
  }
  return {
    mode: readMode(text('mode'), eventName),
    tasks: text('tasks') || 'golden-tasks',
    thresholds: text('thresholds') || 'thresholds.yml',
    out: text('out') || 'evalgate-report',
    openaiApiKey,
    openaiBaseUrl: text('openai-base-url') || undefined,
    concurrency: positiveInteger('concurrency', text('concurrency') || '8'),
    repeat: text('repeat') ? positiveInteger('repeat', text('repeat')) : undefined,
    shard: text('shard') || undefined,
    baseline: text('baseline') || undefined,
    cache: text('cache') || undefined,
    phase: text('phase') ? readPhase(text('phase')) : undefined,
    token,
    teamsToken,
    statusContext: text('status-context') || 'evalgate',
    comment: readBoolean('comment', text('comment') || 'true'),
    artifactName: artifactName(text('artifact-name') || 'evalgate-report'),
    agentPaths: core
      .getMultilineInput('agent-paths')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#')),
    shardReports: text('shard-reports') || 'evalgate-shards/**/report.json',
    otlpEndpoint: text('otlp-endpoint') || undefined,
    readiness: readReadiness(text('readiness') || 'report')
  }
}

function readReadiness(value: string): ReadinessMode {
  const mode = READINESS_MODES.find((m) => m === value)
  if (!mode) throw new ActionInputError(`input readiness must be one of ${READINESS_MODES.join(', ')}, not "${value}"`)
  return mode
}

function readMode(value: string, eventName: string): Mode {
  if (value === '') return eventName === 'issue_comment' ? 'override' : 'gate'
  const mode = MODES.find((m) => m === value)
  if (!mode) throw new ActionInputError(`input mode must be one of ${MODES.join(', ')}, not "${value}"`)
  return mode
}

function readPhase(value: string): Phase {
  const phase = phaseNamed(value)
  if (!phase) throw new ActionInputError(`input phase must be one of ${PHASES.join(', ')}, not "${value}"`)
  return phase
}

function positiveInteger(name: string, value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1)
    throw new ActionInputError(`input ${name} must be a positive integer, not "${value}"`)
  return n
}

// actions/upload-artifact refuses these in a name.
const ARTIFACT_NAME_FORBIDDEN = /[":<>|*?\\/\r\n]/

function artifactName(value: string): string {
  if (ARTIFACT_NAME_FORBIDDEN.test(value) || value.length > 200)
    throw new ActionInputError(
      `input artifact-name must be a name actions/upload-artifact accepts (no " : < > | * ? \\ / and at most 200 characters), not "${value}"`
    )
  return value
}

function readBoolean(name: string, value: string): boolean {
  if (/^(true|yes|on|1)$/i.test(value)) return true
  if (/^(false|no|off|0)$/i.test(value)) return false
  throw new ActionInputError(`input ${name} must be true or false, not "${value}"`)
}

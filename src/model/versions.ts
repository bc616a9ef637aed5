// What defines an agent, file by file (report.json `versions`, issue 14): a content hash of each
// file the workflow's agent is made of, as loaded, and how each compares with a baseline report's.
import * as z from 'zod'
import { kept } from './schema-common.js'

/** What a file is to its workflow. */
export const VERSIONED_KINDS = ['prompt', 'policy', 'tools', 'manifest', 'thresholds', 'agent_code'] as const
export type VersionedKind = (typeof VERSIONED_KINDS)[number]

/** The kinds whose change needs a new `version` under `versioning.require_bump`. */
export const BUMP_KINDS: readonly VersionedKind[] = ['prompt', 'policy', 'tools']

export const versionedFileSchema = kept({
  /** Relative to the repository root, `/`-separated. */
  path: z.string().min(1),
  kind: z.enum(VERSIONED_KINDS),
  /** SHA-256 of the file's bytes as loaded, 64 hex digits. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/)
})
export type VersionedFile = z.output<typeof versionedFileSchema>

export const FILE_CHANGES = ['changed', 'unchanged', 'added', 'removed'] as const
export type FileChange = (typeof FILE_CHANGES)[number]

const fileChangeSchema = kept({ path: z.string(), kind: z.enum(VERSIONED_KINDS), change: z.enum(FILE_CHANGES) })
export type FileComparison = z.output<typeof fileChangeSchema>

/** One workflow's files against the baseline's record of the same workflow. */
const againstBaselineSchema = kept({
  /** False when the baseline records no versions of this workflow: nothing is known to be changed or unchanged. */
  known: z.boolean(),
  /** Why not known, e.g. "the baseline report records no versions (written before evalgate recorded them)". */
  note: z.string().optional(),
  /** The baseline's workflow.yml `version`. */
  version: z.string().optional(),
  files: z.array(fileChangeSchema)
})
export type AgainstBaseline = z.output<typeof againstBaselineSchema>

const workflowVersionsSchema = kept({
  workflow: z.string(),
  /** workflow.yml `version`. */
  version: z.string().optional(),
  /** workflow.yml `versioning.require_bump` as the gate applied it (on a PR: set when the base or the PR sets it). */
  require_bump: z.boolean(),
  files: z.array(versionedFileSchema),
  /** Present when the run had a baseline. */
  against_baseline: againstBaselineSchema.optional()
})
export type WorkflowVersions = z.output<typeof workflowVersionsSchema>

export const versionsSchema = kept({
  /** The commit the files were read at, when known (the report's `commit`). */
  commit: z.string().optional(),
  workflows: z.array(workflowVersionsSchema)
})
export type Versions = z.output<typeof versionsSchema>

// The `override` rules as on the PR's base commit, read through the contents API (the checkout
// may be the PR, or the default branch, or hold no history at all) and parsed by the loader.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { BaseReadError } from '../model/commit-source.js'
import type { GitHubClient } from '../github/client.js'
import { readFileAtRef } from '../github/trees.js'
import { loadThresholds } from '../load/index.js'
import { formatProblem } from '../util/problems.js'
import type { OverrideRules } from '../model/types.js'

export type BaseRules = { ok: true; rules: OverrideRules } | { ok: false; why: string }

/** `thresholdsFile` as the action's input gives it: relative to the workspace (the cwd). */
export async function readBaseOverrideRules(
  client: GitHubClient,
  baseSha: string,
  thresholdsFile: string
): Promise<BaseRules> {
  const base = `the base commit ${baseSha.slice(0, 7)}`
  const file = repositoryPath(thresholdsFile)
  if (file === undefined) return { ok: false, why: `the thresholds file ${thresholdsFile} is outside the repository` }
  let text: string | undefined
  try {
    text = await readFileAtRef(client, file, baseSha)
  } catch (err) {
    if (!(err instanceof BaseReadError)) throw err
    return { ok: false, why: `the override rules cannot be read from ${base}: ${err.message}` }
  }
  if (text === undefined)
    return { ok: false, why: `${base} has no ${file}, so no override rules are in force until it is merged` }
  const { thresholds, problems } = await parseThresholds(text, path.posix.basename(file))
  if (thresholds) return { ok: true, rules: thresholds.override }
  const first = problems.find((p) => p.severity === 'error')
  const where = first ? formatProblem({ ...first, file }) : `${file} has errors`
  return { ok: false, why: `the override rules cannot be read: ${where} (${file} as on ${base})` }
}

/** The loader reads files: the base's text goes through a private temp copy of the same name. */
async function parseThresholds(text: string, name: string): ReturnType<typeof loadThresholds> {
  const dir = await mkdtemp(path.join(tmpdir(), 'evalgate-base-'))
  try {
    const copy = path.join(dir, name)
    await writeFile(copy, text)
    return await loadThresholds(copy)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** Repository-relative with `/`, or undefined outside the workspace. */
function repositoryPath(file: string): string | undefined {
  const root = process.env.GITHUB_WORKSPACE || process.cwd()
  const rel = path.relative(path.resolve(root), path.resolve(file))
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return undefined
  return rel.split(path.sep).join('/')
}

import { gitCommitSource, gitTopLevel, type GitCommitSource } from '../base/git-source.js'
import { InputError } from '../util/problems.js'

/** The repository root the CLI runs in: the git top-level of the cwd, else the cwd. */
export async function cliRepoRoot(): Promise<string> {
  return (await gitTopLevel(process.cwd())) ?? process.cwd()
}

/** `--base-ref REF`: that commit of the cwd's git repository. */
export async function baseRefSource(ref: string): Promise<GitCommitSource> {
  const root = await gitTopLevel(process.cwd())
  if (!root) throw new InputError(`--base-ref ${ref}: ${process.cwd()} is not in a git repository`)
  const source = await gitCommitSource(root, ref)
  if (!source) throw new InputError(`--base-ref ${ref}: not a commit in the git repository at ${root}`)
  return source
}

// A commit's files, read from wherever they are: the local git repository when it holds the
// commit (src/base/git-source.ts), else the GitHub API (src/github/trees.ts; actions/checkout's
// default fetch-depth 1 has no history). The gate reads the base's rules and golden tasks through
// it, never the PR's alone.

/** One entry of a commit's tree, as `git ls-tree -r` or the git trees API list it. */
export interface TreeEntry {
  /** Repository-relative, `/`-separated. */
  path: string
  type: 'blob' | 'symlink' | 'submodule'
  /** The git object id of the blob (or of the commit, for a submodule). */
  sha: string
  /** A blob of mode 100755 (a custom grader's program must keep its mode in the base's copy). */
  executable?: true
}

export interface CommitSource {
  /** The full commit SHA. */
  readonly sha: string
  /** Where it is read from, for messages: "git" or "the GitHub API". */
  readonly via: string
  /** Every file of the commit, recursively. Throws BaseReadError when it cannot be listed whole. */
  listTree(): Promise<TreeEntry[]>
  /** The content of one blob. Throws BaseReadError when it cannot be read. */
  readBlob(sha: string): Promise<Buffer>
}

/** The base commit, or a file of it, cannot be read: the gate's decision is `error`, never a fallback. */
export class BaseReadError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'BaseReadError'
  }
}

// The files that define a workflow's agent, as report.json's `versions` records them: the
// manifest, prompt, policy and tool schemas hashed from the bytes loading read, and a command
// agent's code: the arguments of its command that are files of the repository (a folder it
// names is not hashed: what in it the agent runs cannot be known).
import { createHash } from 'node:crypto'
import { createReadStream, readFileSync, statSync } from 'node:fs'
import type { AnyAgentType } from '../agents/agent-type.js'
import type { VersionedFile, VersionedKind } from '../model/versions.js'
import type { AgentSettings } from '../model/workflow.js'
import { repoPathProblem, repositoryPath } from './repo-root.js'

export interface NamedFile {
  abs: string
  defines: VersionedKind
}

export interface HashedFile extends NamedFile {
  sha256: string
}

export function versionedFile(file: HashedFile, repoRoot: string): VersionedFile {
  return { path: repositoryPath(repoRoot, file.abs) ?? file.abs, kind: file.defines, sha256: file.sha256 }
}

/** The agent's code files inside the repository, hashed (a file that cannot be read is left out). */
export async function agentCodeFiles(
  type: AnyAgentType,
  agent: AgentSettings,
  dir: string,
  repoRoot: string
): Promise<HashedFile[]> {
  const code = await type.code?.(agent, dir)
  const hashed: HashedFile[] = []
  for (const { abs, kind } of code?.paths ?? []) {
    if (kind !== 'file' || (await repoPathProblem('the agent code', abs, 'file', repoRoot, abs))) continue
    const sha256 = await fileSha256(abs)
    if (sha256) hashed.push({ abs, defines: 'agent_code', sha256 })
  }
  return hashed
}

/** Files up to this size are read at once: streaming waits for the thread pool at every chunk. */
const READ_AT_ONCE = 1024 * 1024

/** Streamed when large: a command agent may be a binary. */
async function fileSha256(abs: string): Promise<string | undefined> {
  const hash = createHash('sha256')
  try {
    // Only a regular file is read at once: a FIFO would block the whole process, Ctrl-C included.
    const stat = statSync(abs)
    if (stat.isFile() && stat.size <= READ_AT_ONCE) hash.update(readFileSync(abs))
    else for await (const chunk of createReadStream(abs)) hash.update(chunk as Buffer)
  } catch {
    return undefined
  }
  return hash.digest('hex')
}

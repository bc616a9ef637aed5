// Writes the part of the base commit the loader reads into a folder: the thresholds file, the
// data files of the tasks folder, and the files and folders the base's manifests name. A file
// whose blob id equals the working tree's is copied from there, so an unchanged repository
// costs one tree listing and no blob reads.
import { lstat, mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import pLimit from 'p-limit'
import { MANIFEST_NAMES } from '../load/discover.js'
import { parseYaml } from '../load/read-data-file.js'
import { gitBlobId } from './blob-id.js'
import { graderReferences } from './grader-references.js'
import { manifestReferences } from './manifest-references.js'
import type { CommitSource, TreeEntry } from '../model/commit-source.js'
import { append } from '../util/append.js'

const DATA_EXTENSIONS = new Set(['.yaml', '.yml', '.json', '.jsonl'])
const MAX_WORKING_COPY_BYTES = 64 * 1024 * 1024
const PARALLEL_READS = 8

export interface BaseLayout {
  /** The local repository (its working tree holds the PR). */
  repoRoot: string
  /** Repository-relative and `/`-separated; "" for the repository's top. */
  tasksDir: string
  thresholdsFile: string
}

export interface Materialized {
  hasThresholds: boolean
  hasTasksDir: boolean
  /** Symlinks skipped, in words. */
  notes: string[]
}

export async function materializeBase(
  source: CommitSource,
  entries: TreeEntry[],
  layout: BaseLayout,
  dir: string
): Promise<Materialized> {
  const tree = new Map(entries.map((e) => [e.path, e]))
  const writer = new SnapshotWriter(source, layout.repoRoot, dir)
  const hasThresholds = tree.has(layout.thresholdsFile)
  const tasksFiles = entriesUnder(entries, layout.tasksDir)
  const written = await writer.write([
    ...(hasThresholds ? [tree.get(layout.thresholdsFile)!] : []),
    ...tasksFiles.filter((e) => isDataFile(e.path))
  ])

  const named: TreeEntry[] = []
  const manifestFolders = [...written.keys()]
    .filter((file) => isManifest(file, layout.tasksDir))
    .map((file) => path.posix.dirname(file))
  for (const [file, content] of written) {
    if (isManifest(file, layout.tasksDir)) continue
    // A grader runs in its workflow's folder; which one holds a task file (tasks_from) is the
    // loader's to say, so a name is looked up beside every manifest.
    for (const ref of await graderReferences(content.toString('utf8'), file))
      for (const folder of manifestFolders) {
        const entry = tree.get(inRepository(folder, ref) ?? '')
        if (entry) named.push(entry)
      }
  }
  for (const [manifest, content] of written) {
    if (!isManifest(manifest, layout.tasksDir)) continue
    const refs = manifestReferences((await parseYaml(content.toString('utf8'), manifest)).values[0]?.value)
    const folder = path.posix.dirname(manifest)
    for (const file of refs.files) {
      const entry = tree.get(inRepository(folder, file) ?? '')
      if (entry) named.push(entry)
    }
    for (const shared of refs.folders) {
      const sharedDir = inRepository(folder, shared)
      if (sharedDir === undefined) continue
      const under = entriesUnder(entries, sharedDir)
      // The loader checks that the folder exists, even when it holds no task file.
      if (under.length > 0) await mkdir(path.join(dir, sharedDir), { recursive: true })
      append(
        named,
        under.filter((e) => isDataFile(e.path))
      )
    }
  }
  await writer.write(unique(named).filter((e) => !written.has(e.path)))
  return { hasThresholds, hasTasksDir: tasksFiles.length > 0, notes: writer.notes }
}

class SnapshotWriter {
  readonly notes: string[] = []
  private readonly limit = pLimit(PARALLEL_READS)

  constructor(
    private readonly source: CommitSource,
    private readonly repoRoot: string,
    private readonly dir: string
  ) {}

  /** Writes the blobs; returns the content of each by path. */
  async write(entries: TreeEntry[]): Promise<Map<string, Buffer>> {
    const contents = new Map<string, Buffer>()
    const short = this.source.sha.slice(0, 7)
    await Promise.all(
      entries.map((entry) =>
        this.limit(async () => {
          if (entry.type === 'symlink') {
            this.notes.push(
              `${entry.path} is a symlink in the base ${short}: not followed, left out of the base's files`
            )
            return
          }
          if (entry.type !== 'blob') return
          const target = path.join(this.dir, entry.path)
          if (!isInside(this.dir, target)) return
          const content = (await this.workingCopy(entry)) ?? (await this.source.readBlob(entry.sha))
          await mkdir(path.dirname(target), { recursive: true })
          await writeFile(target, content, entry.executable ? { mode: 0o755 } : {})
          contents.set(entry.path, content)
        })
      )
    )
    return contents
  }

  /** The working tree's file when it is a regular file with the base's content. */
  private async workingCopy(entry: TreeEntry): Promise<Buffer | undefined> {
    const file = path.join(this.repoRoot, entry.path)
    try {
      const info = await lstat(file)
      if (!info.isFile() || info.size > MAX_WORKING_COPY_BYTES) return undefined
      const content = await readFile(file)
      return gitBlobId(content) === entry.sha ? content : undefined
    } catch {
      return undefined
    }
  }
}

/** Entries below `folder` ("" = everything), without hidden folders and node_modules, as the loader sees them. */
function entriesUnder(entries: TreeEntry[], folder: string): TreeEntry[] {
  const prefix = folder === '' ? '' : `${folder}/`
  return entries.filter((e) => {
    if (!e.path.startsWith(prefix)) return false
    return !e.path
      .slice(prefix.length)
      .split('/')
      .some((segment) => segment.startsWith('.') || segment === 'node_modules')
  })
}

function unique(entries: TreeEntry[]): TreeEntry[] {
  return [...new Map(entries.map((e) => [e.path, e])).values()]
}

function isDataFile(file: string): boolean {
  return DATA_EXTENSIONS.has(path.posix.extname(file).toLowerCase())
}

/** `tasks/workflow.yml` or `tasks/<workflow>/workflow.yml`. */
function isManifest(file: string, tasksDir: string): boolean {
  if (!MANIFEST_NAMES.includes(path.posix.basename(file))) return false
  const folder = path.posix.dirname(file)
  const tasks = tasksDir === '' ? '.' : tasksDir
  return folder === tasks || path.posix.dirname(folder) === tasks
}

/** `relative` resolved from `folder`, when it stays inside the repository. */
function inRepository(folder: string, relative: string): string | undefined {
  if (path.posix.isAbsolute(relative)) return undefined
  const joined = path.posix.normalize(path.posix.join(folder, relative))
  if (joined === '..' || joined.startsWith('../')) return undefined
  return joined === '.' ? '' : joined.replace(/\/$/, '')
}

function isInside(dir: string, target: string): boolean {
  const relative = path.relative(dir, target)
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)
}

// Finds the workflow manifests under the tasks folder and the task files of each workflow.
import { lstatSync, readdirSync, realpathSync, type Dirent } from 'node:fs'
import path from 'node:path'
import { displayPath } from './paths.js'
import { isDirectory, isFile } from '../util/path-kind.js'
import type { Problem } from '../util/problems.js'
import { repoPathProblem } from './repo-root.js'

export const MANIFEST_NAMES = ['workflow.yml', 'workflow.yaml']
const TASK_FILE_EXTENSIONS = new Set(['.yaml', '.yml', '.json', '.jsonl'])
/** Files a command agent kept in its workflow folder may have, which are never golden tasks. */
const NOT_TASK_FILES = new Set(['package.json', 'package-lock.json', 'tsconfig.json'])

/**
 * `tasksDir/<workflow>/workflow.yml`, or `tasksDir/workflow.yml` for a single workflow.
 * Returns absolute manifest paths.
 */
export async function findManifests(tasksDir: string): Promise<{ manifests: string[]; problems: Problem[] }> {
  const root = path.resolve(tasksDir)
  const problem = (absPath: string, message: string): Problem => ({
    file: displayPath(absPath),
    message,
    severity: 'error'
  })
  if (!(await isDirectory(root))) return { manifests: [], problems: [problem(root, 'tasks folder not found')] }

  const own = await manifestIn(root)
  if (own) return { manifests: [own], problems: [] }

  const manifests: string[] = []
  const problems: Problem[] = []
  for (const entry of visibleEntries(root, problems)) {
    const absPath = path.join(root, entry.name)
    if (await isFolder(entry, absPath)) {
      const manifest = await manifestIn(absPath)
      if (manifest) manifests.push(manifest)
      else
        problems.push(
          problem(absPath, `folder has no workflow.yml (every folder in ${displayPath(root)} is a workflow)`)
        )
    } else if (isTaskFileName(entry.name)) {
      problems.push(
        problem(absPath, `task file outside a workflow folder (expected ${displayPath(root)}/<workflow>/...)`)
      )
    }
  }
  if (manifests.length === 0 && problems.length === 0) {
    problems.push(problem(root, `no workflow found (expected ${displayPath(root)}/<workflow>/workflow.yml)`))
  }
  return { manifests, problems }
}

/**
 * Every task file below `dir`, at any depth, sorted; `exclude` holds absolute paths. A folder
 * link is followed only into a part of the repository the walk has not covered: a link back
 * into the tree (e.g. to `..`) would walk it again and again, and one out of the repository
 * would read what the repository does not hold. Either is a problem at the link.
 */
export async function findTaskFiles(
  dir: string,
  exclude: ReadonlySet<string>,
  repoRoot: string = dir
): Promise<{ files: string[]; problems: Problem[] }> {
  const files: string[] = []
  const problems: Problem[] = []
  const start = path.resolve(dir)
  let realStart = start
  try {
    realStart = realpathSync.native(start)
  } catch {
    // Not there: the walk says so.
  }
  // The real folders walked so far, each with everything below it.
  const covered = [realStart]
  const walk = async (folder: string, depth: number): Promise<void> => {
    for (const entry of visibleEntries(folder, problems)) {
      const absPath = path.join(folder, entry.name)
      if (await isFolder(entry, absPath)) {
        const refused = entry.isDirectory() ? undefined : await folderLinkProblem(absPath, covered, repoRoot)
        if (refused) problems.push({ file: displayPath(absPath), message: refused, severity: 'error' })
        else await walk(absPath, depth + 1)
        continue
      }
      if (exclude.has(absPath) || !isTaskFileName(entry.name)) continue
      if (depth > 0 && MANIFEST_NAMES.includes(entry.name)) {
        problems.push({
          file: displayPath(absPath),
          message: 'a workflow manifest inside a workflow folder: workflows do not nest',
          severity: 'error'
        })
        continue
      }
      if (entry.isFile() || (await isFile(absPath))) files.push(absPath)
    }
  }
  await walk(start, 0)
  return { files, problems }
}

/** Why the folder link at `absPath` is not followed; undefined for a plain folder, or a link to follow. */
async function folderLinkProblem(absPath: string, covered: string[], repoRoot: string): Promise<string | undefined> {
  if (!lstatSync(absPath).isSymbolicLink()) return undefined
  const outside = await repoPathProblem('the folder link', absPath, 'folder', repoRoot, displayPath(absPath))
  if (outside) return `${outside}; links are not followed out of the repository`
  const real = realpathSync.native(absPath)
  const overlap = covered.find((folder) => isWithin(folder, real) || isWithin(real, folder))
  if (overlap)
    return `the folder link leads back into the task folders (to ${displayPath(real)}); links into folders already read are not followed`
  covered.push(real)
  return undefined
}

function isWithin(folder: string, absPath: string): boolean {
  const rel = path.relative(folder, absPath)
  return rel === '' || (!rel.startsWith(`..${path.sep}`) && rel !== '..' && !path.isAbsolute(rel))
}

async function manifestIn(folder: string): Promise<string | undefined> {
  for (const name of MANIFEST_NAMES) {
    const candidate = path.join(folder, name)
    if (await isFile(candidate)) return candidate
  }
  return undefined
}

function isTaskFileName(name: string): boolean {
  return TASK_FILE_EXTENSIONS.has(path.extname(name).toLowerCase()) && !NOT_TASK_FILES.has(name)
}

/**
 * Whether the entry is a folder, after links. The listing tells a plain folder or file without a
 * `stat` each (one wait for the file system per entry, one after the other); a link, or an entry of
 * another kind, is looked up.
 */
async function isFolder(entry: Dirent, absPath: string): Promise<boolean> {
  return entry.isDirectory() || (!entry.isFile() && (await isDirectory(absPath)))
}

/**
 * Sorted by name, without hidden entries and node_modules. Listed synchronously, as every file
 * system call of the loader: an asynchronous one waits for the thread pool, one after the other.
 */
function visibleEntries(folder: string, problems: Problem[]): Dirent[] {
  try {
    const entries = readdirSync(folder, { withFileTypes: true })
    return entries
      .filter(({ name }) => !name.startsWith('.') && name !== 'node_modules')
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  } catch (err) {
    problems.push({
      file: displayPath(folder),
      message: `cannot read folder: ${(err as Error).message}`,
      severity: 'error'
    })
    return []
  }
}

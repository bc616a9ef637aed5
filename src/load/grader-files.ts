// The files a task's custom grader (`expected.grader`) names, checked at load: a module must be a
// file of the repository; a command whose program is a path (not a name looked up in PATH) must
// name an executable file, inside the repository when the path is relative. Both are relative to
// the workflow folder, where the grader runs.
import { access, constants } from 'node:fs/promises'
import path from 'node:path'
import type { Problem } from '../util/problems.js'
import { displayPath } from './paths.js'
import { repoPathProblem } from './repo-root.js'
import type { LocatedTask } from './tasks.js'

export async function graderProblems({ task, at }: LocatedTask, dir: string, repoRoot: string): Promise<Problem[]> {
  const grader = task.expected.grader
  if (!grader) return []
  const problem = (where: (string | number)[], message: string): Problem[] => [
    { file: task.source.file, line: at.lineOf(['expected', 'grader', ...where]), message, severity: 'error' }
  ]
  if ('module' in grader) {
    const abs = path.resolve(dir, grader.module)
    const outside = await repoPathProblem('expected.grader.module', abs, 'file', repoRoot, displayPath(abs))
    return outside ? problem(['module'], outside) : []
  }
  const listed = Array.isArray(grader.command)
  const program = listed ? grader.command[0] : (grader.command as string).trim().split(/\s+/)[0]
  if (!program.includes('/')) return []
  const where = listed ? ['command', 0] : ['command']
  const field = listed ? 'expected.grader.command[0]' : 'the program of expected.grader.command'
  const abs = path.resolve(dir, program)
  const shown = displayPath(abs)
  if (!path.isAbsolute(program)) {
    const outside = await repoPathProblem(field, abs, 'file', repoRoot, shown)
    if (outside) return problem(where, outside)
  }
  try {
    await access(abs, constants.X_OK)
    return []
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === 'ENOENT'
    return problem(
      where,
      missing
        ? `${field} names a file that does not exist: ${shown}`
        : `${field} names a file that is not executable: ${shown} (chmod +x it, or run it through its interpreter)`
    )
  }
}

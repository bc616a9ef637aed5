// A workflow's shared fixtures (workflow.yml `fixtures`, or the file `fixtures_file` names): the
// same map as a task's `fixtures`, which every task of the workflow inherits tool by tool.
import { fixturesSchema, type Fixture } from '../model/task.js'
import type { ToolPermission } from '../model/types.js'
import { REQUEST_APPROVAL } from '../model/approval-tool.js'
import { isPlainMap } from '../model/schema-common.js'
import { append } from '../util/append.js'
import type { Problem } from '../util/problems.js'
import { issueProblems } from './issues.js'
import type { Located, Path } from './located.js'
import { readDataFile } from './read-data-file.js'

export type SharedFixtures = Record<string, Fixture>

/** The fixtures file read and checked; its problems are at its own lines. */
export async function loadFixturesFile(
  absPath: string,
  file: string,
  permissions: Record<string, ToolPermission>
): Promise<{ fixtures?: SharedFixtures; problems: Problem[] }> {
  const { values, problems } = await readDataFile(absPath, file)
  const error = (line: number | undefined, message: string) => problems.push({ file, line, message, severity: 'error' })
  if (values.length > 1) error(values[1].line, 'a fixtures file holds one map of tool name -> fixture')
  const map = values[0]
  if (!map) {
    if (problems.length === 0) error(undefined, 'the fixtures file is empty')
    return { problems }
  }
  if (!isPlainMap(map.value)) {
    error(map.line, 'a fixtures file holds a map of tool name -> fixture (as a task\'s "fixtures")')
    return { problems }
  }
  const parsed = fixturesSchema.safeParse(map.value)
  if (!parsed.success) {
    append(problems, issueProblems(parsed.error.issues, map, file, 'a fixtures file'))
    return { problems }
  }
  append(problems, unlistedFixtures(parsed.data, map, [], file, permissions))
  return { fixtures: parsed.data, problems }
}

/** A problem for each shared fixture of a tool the permission matrix does not list (the map at `where` in `at`). */
export function unlistedFixtures(
  fixtures: SharedFixtures,
  at: Located,
  where: Path,
  file: string,
  permissions: Record<string, ToolPermission>
): Problem[] {
  return Object.keys(fixtures)
    .filter((tool) => tool !== REQUEST_APPROVAL && !Object.hasOwn(permissions, tool))
    .map((tool) => ({
      file,
      line: at.keyLineOf(where, tool),
      message: `shared fixture for tool "${tool}", which the workflow's permissions do not list`,
      severity: 'error' as const
    }))
}

import { AGENT_FILE_FIELDS } from '../agents/registry.js'
import { isPlainMap } from '../model/schema-common.js'

/**
 * The files a manifest names (its agent's files, its tool schema file, its runbook, its state
 * file, its shared fixtures file), as written: relative to its folder. Best effort on a manifest
 * not yet validated, whatever its agent's type.
 */
export function manifestFiles(raw: unknown): string[] {
  if (!isPlainMap(raw)) return []
  const agent = isPlainMap(raw.agent) ? raw.agent : {}
  return [
    ...AGENT_FILE_FIELDS.map((field) => agent[field]),
    raw.tool_schemas,
    raw.runbook,
    raw.state_file,
    raw.fixtures_file
  ].filter(isText)
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value !== ''
}

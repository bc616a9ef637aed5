// The files and folders a workflow manifest names, read from the raw (not yet validated)
// manifest: the base snapshot must hold them for the loader to load the base's workflows.
import { manifestFiles } from '../load/manifest-files.js'
import { isPlainMap } from '../model/schema-common.js'

export interface ManifestReferences {
  /** As written in the manifest: relative to its folder. */
  files: string[]
  folders: string[]
}

export function manifestReferences(raw: unknown): ManifestReferences {
  if (!isPlainMap(raw)) return { files: [], folders: [] }
  const folders = Array.isArray(raw.tasks_from) ? raw.tasks_from.filter(isText) : []
  return { files: [...manifestFiles(raw), ...backendArguments(raw.tools_backend)], folders }
}

/** The arguments of a command tools backend that may name a file (those that do are copied). */
function backendArguments(backend: unknown): string[] {
  if (!isPlainMap(backend)) return []
  const argv: unknown = typeof backend.command === 'string' ? backend.command.split(/\s+/) : backend.command
  return Array.isArray(argv) ? argv.filter(isText).filter((arg) => !arg.startsWith('-')) : []
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value !== ''
}

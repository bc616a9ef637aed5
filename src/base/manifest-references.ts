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
  return { files: manifestFiles(raw), folders }
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value !== ''
}

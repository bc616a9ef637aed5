import { createHash, randomUUID } from 'node:crypto'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { canonicalJson } from './canonical-json.js'

/**
 * Model responses stored as files, keyed by the exact request: the same base URL and the
 * same request body (model, messages, tools, ...) give the stored answer without a request.
 */
export class ResponseCache {
  private ready?: Promise<unknown>

  constructor(
    private readonly dir: string,
    private readonly salt?: string
  ) {}

  key(baseUrl: string, body: unknown): string {
    const hash = createHash('sha256').update(baseUrl).update('\n').update(canonicalJson(body))
    if (this.salt !== undefined) hash.update('\n').update(this.salt)
    return hash.digest('hex')
  }

  /** The stored response, or undefined when there is none (or it cannot be read). */
  async get(key: string): Promise<unknown> {
    try {
      return JSON.parse(await readFile(this.path(key), 'utf8'))
    } catch {
      return undefined
    }
  }

  async put(key: string, response: unknown): Promise<void> {
    this.ready ??= mkdir(this.dir, { recursive: true })
    await this.ready
    // Written aside and renamed, so that a concurrent reader never sees half a file.
    const temporary = `${this.path(key)}.${randomUUID()}.tmp`
    await writeFile(temporary, JSON.stringify(response))
    await rename(temporary, this.path(key))
  }

  private path(key: string): string {
    return join(this.dir, `${key}.json`)
  }
}

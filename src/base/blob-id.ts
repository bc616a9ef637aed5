import { createHash } from 'node:crypto'

/** The object id git gives a file's content: sha1 of `blob <length>\0<content>`. */
export function gitBlobId(content: Buffer): string {
  return createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex')
}

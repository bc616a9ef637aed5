import { InputError } from '../util/problems.js'
import { BaseReadError, type CommitSource } from '../model/commit-source.js'

/** A base that cannot be read is `error`: the gate is never decided against the PR's own rules. */
export function baseUnreadable(source: Pick<CommitSource, 'sha' | 'via'>, err: BaseReadError): InputError {
  return new InputError([
    {
      file: `base commit ${source.sha.slice(0, 7)}`,
      message: `cannot be read through ${source.via}: ${err.message} — the gate is not decided against the PR's own rules`,
      severity: 'error'
    }
  ])
}

/** Runs `read`, turning a BaseReadError into that InputError. */
export async function readingBase<T>(source: Pick<CommitSource, 'sha' | 'via'>, read: () => Promise<T>): Promise<T> {
  try {
    return await read()
  } catch (err) {
    if (err instanceof BaseReadError) throw baseUnreadable(source, err)
    throw err
  }
}

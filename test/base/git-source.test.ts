import { describe, expect, it } from '@jest/globals'
import { symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { gitBlobId } from '../../src/base/blob-id.js'
import { gitCommitSource, gitTopLevel } from '../../src/base/git-source.js'
import { BaseReadError } from '../../src/model/commit-source.js'
import { gitRepo } from '../helpers/git-repo.js'
import { writeProject } from '../helpers/project.js'

describe('GitCommitSource', () => {
  it('lists every file of the commit with its type and reads blobs', async () => {
    const repo = gitRepo({ 'a.txt': 'alpha\n', 'dir/with space é.yml': 'x: 1\n' })
    symlinkSync('a.txt', join(repo.dir, 'link'))
    const first = repo.commit('one')
    repo.git('update-index', '--add', '--cacheinfo', `160000,${first},vendor/sub`)
    // Not commit(): `git add -A` would drop the gitlink, which has no folder in the work tree.
    repo.git('commit', '-q', '-m', 'two')
    const sha = repo.git('rev-parse', 'HEAD')
    repo.write({ 'a.txt': 'changed in the working tree\n' })

    const source = await gitCommitSource(join(repo.dir, 'dir'), sha.slice(0, 8))
    expect(source).toMatchObject({ sha, via: 'git' })
    const entries = await source!.listTree()
    expect(entries.map((e) => [e.path, e.type])).toEqual([
      ['a.txt', 'blob'],
      ['dir/with space é.yml', 'blob'],
      ['link', 'symlink'],
      ['vendor/sub', 'submodule']
    ])
    const a = entries.find((e) => e.path === 'a.txt')!
    expect(a.sha).toBe(gitBlobId(Buffer.from('alpha\n')))
    expect((await source!.readBlob(a.sha)).toString()).toBe('alpha\n')
  })

  it('is undefined for a ref that is not a commit there, an option-like ref, or outside a repository', async () => {
    const repo = gitRepo({ 'a.txt': 'a\n' })
    repo.commit('one')
    expect(await gitCommitSource(repo.dir, 'no-such-branch')).toBeUndefined()
    expect(await gitCommitSource(repo.dir, '--output=/tmp/x')).toBeUndefined()
    expect(await gitCommitSource(repo.dir, 'deadbeef'.repeat(5))).toBeUndefined()
    expect(await gitCommitSource(writeProject({}), 'HEAD')).toBeUndefined()
    expect(await gitTopLevel(join(repo.dir))).toBe(repo.dir)
  })

  it('a blob it cannot read is a BaseReadError naming it', async () => {
    const repo = gitRepo({ 'a.txt': 'a\n' })
    const source = (await gitCommitSource(repo.dir, repo.commit('one')))!
    await expect(source.readBlob('0'.repeat(40))).rejects.toThrow(BaseReadError)
    await expect(source.readBlob('0'.repeat(40))).rejects.toThrow(/git could not read blob 000000000000 of/)
    await expect(source.readBlob('HEAD:a.txt')).rejects.toThrow(/is not a git object id/)
  })
})

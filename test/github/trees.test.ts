// GitHubCommitSource and readFileAtRef against the fake GitHub backed by a real git repository.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import * as github from '@actions/github'
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { BaseReadError } from '../../src/model/commit-source.js'
import type { GitHubClient } from '../../src/github/client.js'
import { GitHubCommitSource, readFileAtRef } from '../../src/github/trees.js'
import { bareClone, commitAll, git } from '../helpers/commit-files.js'
import { rateLimited, startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.js'
import { writeProject } from '../helpers/project.js'

let gh: FakeGitHub
let client: GitHubClient
let base: string
let dir: string

const BINARY = Buffer.from([0, 1, 2, 255, 254, 10, 13, 0x80])

beforeEach(async () => {
  dir = writeProject({
    'thresholds.yml': 'tiers: { T1: 0.9 }\n',
    'golden-tasks/wf/workflow.yml': 'name: wf\n',
    'golden-tasks/wf/tasks/a b.yaml': '- id: a\n'
  })
  mkdirSync(join(dir, 'assets'))
  writeFileSync(join(dir, 'assets', 'logo.bin'), BINARY)
  // A blob with bytes that are not UTF-8, a symlink and a submodule entry.
  git(dir, ['init', '-q', '-b', 'main'])
  symlinkSync('../thresholds.yml', join(dir, 'golden-tasks', 'link.yml'))
  base = commitAll(dir, 'base')
  git(dir, ['update-index', '--add', '--cacheinfo', `160000,${base},vendor/lib`])
  git(dir, ['commit', '-q', '--no-gpg-sign', '-m', 'submodule'])
  base = git(dir, ['rev-parse', 'HEAD'])
  gh = await startFakeGitHub({ repoDir: bareClone(dir) })
  client = { octokit: github.getOctokit('ghs_test', { baseUrl: gh.url }), owner: 'acme', repo: 'shop' }
})
afterEach(() => gh.close())

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise
  } catch (err) {
    return err as Error
  }
  throw new Error('expected a failure')
}

describe('GitHubCommitSource', () => {
  it('lists every file of the commit, recursively, with symlinks and submodules told apart', async () => {
    const source = new GitHubCommitSource(client, base)
    expect(source.via).toBe('the GitHub API')
    const tree = await source.listTree()
    expect(tree.map((e) => [e.path, e.type])).toEqual([
      ['assets/logo.bin', 'blob'],
      ['golden-tasks/link.yml', 'symlink'],
      ['golden-tasks/wf/tasks/a b.yaml', 'blob'],
      ['golden-tasks/wf/workflow.yml', 'blob'],
      ['thresholds.yml', 'blob'],
      ['vendor/lib', 'submodule']
    ])
    const trees = gh.requests.filter((r) => r.path.includes('/git/trees/'))
    expect(trees.map((r) => [r.path, r.query.recursive])).toEqual([[`/repos/acme/shop/git/trees/${base}`, 'true']])
    await source.listTree()
    expect(gh.requests.filter((r) => r.path.includes('/git/trees/'))).toHaveLength(1)
  })

  it('reads blobs byte for byte', async () => {
    const source = new GitHubCommitSource(client, base)
    const tree = await source.listTree()
    const blob = (path: string) => source.readBlob(tree.find((e) => e.path === path)!.sha)
    expect(await blob('assets/logo.bin')).toEqual(BINARY)
    expect((await blob('golden-tasks/wf/tasks/a b.yaml')).toString()).toBe('- id: a\n')
  })

  it.each([
    [
      'a commit GitHub does not have',
      undefined,
      'f'.repeat(40),
      /^not found \(HTTP 404 when listing its tree; .*contents: read/
    ],
    ['403', { status: 403 }, undefined, /^access refused \(HTTP 403 when listing its tree; .*contents: read/],
    ['500', { status: 500 }, undefined, /^GitHub failed \(HTTP 500 when listing its tree; re-run the job\)/],
    ['429', { status: 429 }, undefined, /^rate limited by GitHub \(HTTP 429 when listing its tree/]
  ])('a tree answered with %s is a BaseReadError naming the reason', async (_name, fault, sha, message) => {
    if (fault) gh.state.failures.push({ method: 'GET', path: /\/git\/trees\//, ...fault })
    const err = await failure(new GitHubCommitSource(client, sha ?? base).listTree())
    expect(err).toBeInstanceOf(BaseReadError)
    expect(err.message).toMatch(message)
  })

  it('a rate-limited 403 (x-ratelimit-remaining: 0) is "rate limited", with the reset time', async () => {
    gh.state.failures.push(rateLimited('GET', /\/git\/trees\//))
    const err = await failure(new GitHubCommitSource(client, base).listTree())
    expect(err).toBeInstanceOf(BaseReadError)
    expect(err.message).toMatch(/^rate limited by GitHub \(HTTP 403 when listing its tree; the limit resets at 20\d\d-/)
  })

  it('a 403 with only the rate-limit header, whatever its message, is still "rate limited"', async () => {
    gh.state.failures.push({
      method: 'GET',
      path: /\/git\/trees\//,
      status: 403,
      message: 'Forbidden',
      headers: { 'x-ratelimit-remaining': '0' }
    })
    expect((await failure(new GitHubCommitSource(client, base).listTree())).message).toMatch(/^rate limited by GitHub/)
  })

  it('a truncated tree is a BaseReadError: a partial base is no base', async () => {
    gh.state.truncateTrees = true
    const err = await failure(new GitHubCommitSource(client, base).listTree())
    expect(err).toBeInstanceOf(BaseReadError)
    expect(err.message).toMatch(/^the base tree is too large for the API/)
  })

  it('an answer of an unexpected shape is a BaseReadError, never a guess', async () => {
    gh.state.failures.push({ method: 'GET', path: /\/git\/trees\//, status: 200, body: { sha: base } })
    const err = await failure(new GitHubCommitSource(client, base).listTree())
    expect(err).toBeInstanceOf(BaseReadError)
    expect(err.message).toMatch(/unexpected answer to get tree/)
  })

  it('a blob that cannot be read, or comes back different, is a BaseReadError', async () => {
    const source = new GitHubCommitSource(client, base)
    const sha = (await source.listTree()).find((e) => e.path === 'thresholds.yml')!.sha
    expect((await failure(source.readBlob('0'.repeat(40)))).message).toMatch(
      /^not found \(HTTP 404 when reading blob 000000000000/
    )
    gh.state.failures.push({ method: 'GET', path: /\/git\/blobs\//, status: 500 })
    expect((await failure(source.readBlob(sha))).message).toMatch(/^GitHub failed \(HTTP 500 when reading blob/)
    gh.state.failures.length = 0
    const evil = { content: Buffer.from('tiers: { T1: 0.1 }\n').toString('base64'), encoding: 'base64' }
    gh.state.failures.push({ method: 'GET', path: /\/git\/blobs\//, status: 200, body: evil })
    const err = await failure(source.readBlob(sha))
    expect(err).toBeInstanceOf(BaseReadError)
    expect(err.message).toMatch(/came back from the API with different content/)
  })
})

describe('readFileAtRef', () => {
  it('reads a file at a commit, nested paths too', async () => {
    expect(await readFileAtRef(client, 'thresholds.yml', base)).toBe('tiers: { T1: 0.9 }\n')
    expect(await readFileAtRef(client, 'golden-tasks/wf/tasks/a b.yaml', base)).toBe('- id: a\n')
    const read = gh.requests.find((r) => r.path.includes('/contents/'))!
    expect(read.query.ref).toBe(base)
  })

  it('undefined when the commit exists and has no such file', async () => {
    expect(await readFileAtRef(client, 'missing.yml', base)).toBeUndefined()
    expect(await readFileAtRef(client, 'golden-tasks/nope/thresholds.yml', base)).toBeUndefined()
  })

  it('a missing commit is an error, not a missing file', async () => {
    const err = await failure(readFileAtRef(client, 'thresholds.yml', 'e'.repeat(40)))
    expect(err).toBeInstanceOf(BaseReadError)
    expect(err.message).toBe(`commit eeeeeee not found (HTTP 422 when finding the commit)`)
  })

  it('a 404 whose commit check fails too is an error', async () => {
    gh.state.failures.push({ method: 'GET', path: /\/commits\//, status: 500 })
    const err = await failure(readFileAtRef(client, 'missing.yml', base))
    expect(err.message).toMatch(/^GitHub failed \(HTTP 500 when finding the commit/)
  })

  it.each([
    ['403', { status: 403 }, /^access refused \(HTTP 403 when reading thresholds\.yml; .*contents: read/],
    ['500', { status: 500 }, /^GitHub failed \(HTTP 500 when reading thresholds\.yml/]
  ])('%s is an error, never "no file"', async (_name, fault, message) => {
    gh.state.failures.push({ method: 'GET', path: /\/contents\//, ...fault })
    const err = await failure(readFileAtRef(client, 'thresholds.yml', base))
    expect(err).toBeInstanceOf(BaseReadError)
    expect(err.message).toMatch(message)
  })

  it('rate limited is said so', async () => {
    gh.state.failures.push(rateLimited('GET', /\/contents\//))
    expect((await failure(readFileAtRef(client, 'thresholds.yml', base))).message).toMatch(
      /^rate limited by GitHub \(HTTP 403 when reading thresholds\.yml/
    )
  })

  it('a folder or a symlink is not a file', async () => {
    expect((await failure(readFileAtRef(client, 'golden-tasks', base))).message).toMatch(
      /golden-tasks at commit \w+ is not a file/
    )
    expect((await failure(readFileAtRef(client, 'golden-tasks/link.yml', base))).message).toMatch(/is not a file/)
  })
})

// Issue 10, row 1: nothing evalgate sends to GitHub holds a secret, whichever call sends it.
import { afterEach, describe, expect, it } from '@jest/globals'
import { createClient } from '../../src/github/client.js'
import { registerSecret } from '../../src/util/secrets.js'
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.js'

const SECRET = 'sk-ScrubRequestsSecretQwErTyUiOp'
let gh: FakeGitHub | undefined
afterEach(async () => {
  await gh?.close()
  gh = undefined
})

describe('the GitHub client', () => {
  it('scrubs registered secrets from every request body', async () => {
    registerSecret(SECRET)
    gh = await startFakeGitHub()
    const client = createClient('ghs_token_for_the_fake_0123', 'acme/shop')
    await client.octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      baseUrl: gh.url,
      owner: 'acme',
      repo: 'shop',
      issue_number: 7,
      body: `the key is ${SECRET}`
    })
    await client.octokit.request('POST /repos/{owner}/{repo}/statuses/{sha}', {
      baseUrl: gh.url,
      owner: 'acme',
      repo: 'shop',
      sha: 'a'.repeat(40),
      state: 'failure',
      context: 'evalgate',
      description: `error: ${SECRET}`
    })
    expect(gh.requests.map((r) => r.body)).toEqual([
      { body: 'the key is ***' },
      { state: 'failure', context: 'evalgate', description: 'error: ***' }
    ])
  })
})

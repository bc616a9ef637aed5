import * as z from 'zod'
import { classifyFailure, parseAnswer, request, type GitHubClient } from './client.js'

/** Who comments with a GITHUB_TOKEN (GET /user is refused to it). */
export const ACTIONS_BOT_LOGIN = 'github-actions[bot]'

/** The login the token comments as: the evalgate comment is ours only when it has this author. */
export async function tokenLogin(client: GitHubClient): Promise<string> {
  return request('identify the github-token user', 'none', async () => {
    try {
      const res = await client.octokit.rest.users.getAuthenticated()
      return parseAnswer('get the authenticated user', z.looseObject({ login: z.string() }), res.data).login
    } catch (err) {
      // A rate-limited 403 is no answer about the token: `request` tries it again.
      if (classifyFailure(err) === 'forbidden') return ACTIONS_BOT_LOGIN
      throw err
    }
  })
}

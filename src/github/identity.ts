import * as z from 'zod'
import { httpStatus, parseAnswer, request, type GitHubClient } from './client.js'

/** Who comments with a GITHUB_TOKEN (GET /user is refused to it). */
export const ACTIONS_BOT_LOGIN = 'github-actions[bot]'

/** The login the token comments as: the evalgate comment is ours only when it has this author. */
export async function tokenLogin(client: GitHubClient): Promise<string> {
  return request('identify the github-token user', 'none', async () => {
    try {
      const res = await client.octokit.rest.users.getAuthenticated()
      return parseAnswer('get the authenticated user', z.looseObject({ login: z.string() }), res.data).login
    } catch (err) {
      if (httpStatus(err) === 403) return ACTIONS_BOT_LOGIN
      throw err
    }
  })
}

// Who may override: a commenter's role on the repository and their membership of approver teams.
import * as z from 'zod'
import { classifyFailure, httpStatus, parseAnswer, request, type GitHubClient } from './client.js'

const permissionSchema = z.looseObject({ permission: z.string().optional(), role_name: z.string().optional() })

/** `permission` (admin, write, read, none) and, when GitHub sends it, `role_name` (maintain, triage, ...). */
export async function repositoryPermission(
  client: GitHubClient,
  login: string
): Promise<{ permission?: string; roleName?: string }> {
  const { octokit, owner, repo } = client
  return request(`read the repository permission of @${login}`, 'contents: read', async () => {
    try {
      const res = await octokit.rest.repos.getCollaboratorPermissionLevel({ owner, repo, username: login })
      const answer = parseAnswer('get collaborator permission', permissionSchema, res.data)
      return { permission: answer.permission, roleName: answer.role_name }
    } catch (err) {
      if (httpStatus(err) === 404) return { permission: 'none' }
      throw err
    }
  })
}

const membershipSchema = z.looseObject({ state: z.string() })

/**
 * `active` or `not-member`; `unreadable` when GitHub answers 403 or 404, which is what a token
 * that cannot read the org's teams gets (a GITHUB_TOKEN never can): the caller fails closed.
 */
export async function teamMembership(
  client: GitHubClient,
  team: string,
  login: string
): Promise<'active' | 'not-member' | 'unreadable'> {
  const [org, slug] = team.split('/')
  return request(`read the membership of @${login} in ${team}`, 'members: read (org)', async () => {
    try {
      const res = await client.octokit.rest.teams.getMembershipForUserInOrg({ org, team_slug: slug, username: login })
      return parseAnswer('get team membership', membershipSchema, res.data).state === 'active' ? 'active' : 'not-member'
    } catch (err) {
      const fault = classifyFailure(err)
      if (fault === 'forbidden' || fault === 'not-found') return 'unreadable'
      throw err
    }
  })
}

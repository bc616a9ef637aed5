// A commenter's standing now, from the API: repository role and membership of approver teams.
import type { GitHubClient } from '../github/client.js'
import { repositoryPermission, teamMembership } from '../github/permissions.js'
import type { OverrideRules } from '../model/types.js'
import { roleOf, teamsToCheck, type Membership } from './authorize.js'
import type { CommenterFacts } from './override-evidence.js'

/** `teamsClient` reads org teams (the teams-token), `client` everything else. */
export async function commenterFacts(
  client: GitHubClient,
  teamsClient: GitHubClient,
  rules: OverrideRules,
  login: string
): Promise<CommenterFacts> {
  const teams = await memberships(teamsClient, rules, login)
  const permission = await repositoryPermission(client, login)
  return { role: roleOf(permission.permission, permission.roleName), teams }
}

/** Team approvers in order, stopping at the first active membership. */
async function memberships(
  client: GitHubClient,
  rules: OverrideRules,
  login: string
): Promise<Record<string, Membership>> {
  const found: Record<string, Membership> = {}
  for (const team of teamsToCheck(rules, login)) {
    found[team] = await teamMembership(client, team, login)
    if (found[team] === 'active') break
  }
  return found
}

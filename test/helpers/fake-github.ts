// A stand-in for the GitHub REST API on 127.0.0.1: the action under test runs as a child process
// (as on a runner) with GITHUB_API_URL pointing here. It keeps state (comments, statuses,
// reactions, PRs and their files, permissions, team memberships), serves a commit's files from a
// real git repository when given one (`repoDir`) and records every request.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { blobAnswer, commitAnswer, contentsAnswer, treeAnswer, type Answer } from './fake-git-routes.js'

export interface FakeComment {
  id: number
  body: string
  user: { login: string; type: string }
  created_at: string
  /** Equal to created_at until someone edits the comment. */
  updated_at: string
}

export interface FakeStatus {
  state: string
  context: string
  description?: string
  target_url?: string
  /** Who set it (GitHub: the token's user); absent only in hand-made set-ups. */
  creator?: { login: string }
  created_at?: string
}

export interface FakePull {
  headSha: string
  author: string
  files: string[]
  /** GET /pulls/:n answers without `base` when absent. */
  base?: { sha: string; ref: string }
}

export interface RecordedRequest {
  method: string
  path: string
  query: Record<string, string>
  body: unknown
  /** The Authorization header, to tell which token made the call. */
  authorization?: string
}

export interface FakeFailure {
  method: string
  path: RegExp
  status: number
  message?: string
  headers?: Record<string, string>
  /** The answer's body instead of `{ message }` (e.g. a 200 of the wrong shape). */
  body?: unknown
  /** Answer this many matching requests, then let them through (absent: every one). */
  times?: number
}

/** A spent primary rate limit, as GitHub answers it: 403 with `x-ratelimit-remaining: 0`, reset in `resetInS`. */
export function rateLimited(method: string, path: RegExp, resetInS = 600, times?: number): FakeFailure {
  return {
    method,
    path,
    status: 403,
    message: 'API rate limit exceeded for installation ID 4242.',
    headers: {
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + resetInS)
    },
    ...(times !== undefined ? { times } : {})
  }
}

/** A secondary rate limit: 429 with `retry-after`. */
export function tooManyRequests(method: string, path: RegExp, retryAfterS: number, times?: number): FakeFailure {
  return {
    method,
    path,
    status: 429,
    message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
    headers: { 'retry-after': String(retryAfterS) },
    ...(times !== undefined ? { times } : {})
  }
}

export interface FakeState {
  /** The login GET /user answers; undefined: 403, as for a GITHUB_TOKEN (which comments as github-actions[bot]). */
  tokenUser?: string
  comments: Map<number, FakeComment[]>
  /** Per SHA, newest first (as GitHub lists them). */
  statuses: Map<string, FakeStatus[]>
  reactions: { commentId: number; content: string }[]
  pulls: Map<number, FakePull>
  /** login -> GET .../collaborators/{login}/permission answer; absent: 404. */
  permissions: Record<string, { permission: string; role_name?: string }>
  /** `org/team` -> login -> membership state. */
  teams: Record<string, Record<string, 'active' | 'pending'>>
  /** What the membership API answers a token that cannot read the org: 200 (readable), 403 or 404. */
  teamsAnswer: 200 | 403 | 404
  failures: FakeFailure[]
  /** A git repository whose objects the trees, blobs, commits and contents routes serve. */
  repoDir?: string
  /** Answer every git trees request with half the entries and `truncated: true`. */
  truncateTrees: boolean
  /**
   * When set, as GitHub does: a request without `Authorization: token <this>` (or `Bearer`) is
   * answered 401 and changes nothing. Unset: any request is served as the token user's.
   */
  token?: string
}

export interface FakeGitHub {
  url: string
  state: FakeState
  requests: RecordedRequest[]
  /** Requests other than GET. */
  writes(): RecordedRequest[]
  addComment(issue: number, login: string, body: string, id?: number): FakeComment
  /** A user edits a comment in the UI: new body, later `updated_at`. */
  editComment(id: number, body: string): FakeComment
  /** A status set by `creator` (e.g. with a personal token), newest first like the others. */
  addStatus(sha: string, status: Omit<FakeStatus, 'creator' | 'created_at'>, creator?: string): FakeStatus
  latestStatus(sha: string, context?: string): FakeStatus | undefined
  close(): Promise<void>
}

export async function startFakeGitHub(init: Partial<FakeState> = {}): Promise<FakeGitHub> {
  const state: FakeState = {
    comments: new Map(),
    statuses: new Map(),
    reactions: [],
    pulls: new Map(),
    permissions: {},
    teams: {},
    teamsAnswer: 200,
    failures: [],
    truncateTrees: false,
    ...init
  }
  const requests: RecordedRequest[] = []
  let nextId = 1000
  const botLogin = () => state.tokenUser ?? 'github-actions[bot]'
  // GitHub's timestamps have whole seconds; each event gets a later one, so order is never a tie.
  let clock = Date.now()
  const now = () => {
    clock = Math.max(Date.now(), clock + 1000)
    return new Date(clock).toISOString().replace(/\.\d{3}Z$/, 'Z')
  }
  const commentsOf = (issue: number) => {
    if (!state.comments.has(issue)) state.comments.set(issue, [])
    return state.comments.get(issue)!
  }
  const addComment = (issue: number, login: string, body: string, id = nextId++): FakeComment => {
    const at = now()
    const comment = {
      id,
      body,
      user: { login, type: login.endsWith('[bot]') ? 'Bot' : 'User' },
      created_at: at,
      updated_at: at
    }
    commentsOf(issue).push(comment)
    return comment
  }
  const findComment = (id: number) => [...state.comments.values()].flat().find((c) => c.id === id)
  const editComment = (id: number, body: string): FakeComment => {
    const comment = findComment(id)
    if (!comment) throw new Error(`fake GitHub: no comment ${id}`)
    Object.assign(comment, { body, updated_at: now() })
    return comment
  }
  const addStatus = (sha: string, status: Omit<FakeStatus, 'creator' | 'created_at'>, creator = botLogin()) => {
    const full: FakeStatus = { ...status, creator: { login: creator }, created_at: now() }
    if (!state.statuses.has(sha)) state.statuses.set(sha, [])
    state.statuses.get(sha)!.unshift(full)
    return full
  }

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const body = await readBody(req)
    const method = req.method ?? 'GET'
    requests.push({
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body,
      authorization: req.headers.authorization
    })
    const send = (status: number, data: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers })
      res.end(JSON.stringify(data))
    }
    const answer = ({ status, data, text }: Answer) => {
      if (text === undefined) return send(status, data)
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' })
      res.end(text)
    }
    if (state.token !== undefined) {
      const given = req.headers.authorization?.replace(/^(token|bearer)\s+/i, '')
      if (given !== state.token)
        return send(401, {
          message: given === undefined ? 'Requires authentication' : 'Bad credentials',
          documentation_url: 'https://docs.github.com/rest'
        })
    }
    const failure = state.failures.find((f) => f.method === method && f.path.test(url.pathname))
    if (failure?.times !== undefined && --failure.times <= 0) state.failures.splice(state.failures.indexOf(failure), 1)
    if (failure)
      return send(
        failure.status,
        failure.body ?? { message: failure.message ?? `fake failure ${failure.status}` },
        failure.headers
      )

    const route = (pattern: string) => match(method, url.pathname, pattern)
    let m: Record<string, string> | undefined
    const page = <T>(items: T[]) => paginate(items, url, address(), send)

    if ((m = route('GET /user'))) {
      return state.tokenUser
        ? send(200, { login: state.tokenUser })
        : send(403, { message: 'Resource not accessible by integration' })
    }
    if ((m = route('GET /repos/:owner/:repo/issues/:n/comments'))) return page(commentsOf(Number(m.n)))
    if ((m = route('POST /repos/:owner/:repo/issues/:n/comments'))) {
      const text = (body as { body?: string }).body ?? ''
      return send(201, addComment(Number(m.n), state.tokenUser ?? 'github-actions[bot]', text))
    }
    if ((m = route('PATCH /repos/:owner/:repo/issues/comments/:id'))) {
      if (!findComment(Number(m.id))) return send(404, { message: 'Not Found' })
      return send(200, editComment(Number(m.id), (body as { body?: string }).body ?? ''))
    }
    if ((m = route('POST /repos/:owner/:repo/issues/comments/:id/reactions'))) {
      const content = (body as { content?: string }).content ?? ''
      state.reactions.push({ commentId: Number(m.id), content })
      return send(201, { id: nextId++, content })
    }
    if ((m = route('POST /repos/:owner/:repo/statuses/:sha')))
      return send(201, { id: nextId++, ...addStatus(m.sha, body as FakeStatus) })
    if ((m = route('GET /repos/:owner/:repo/commits/:ref/statuses'))) return page(state.statuses.get(m.ref) ?? [])
    if ((m = route('GET /repos/:owner/:repo/pulls/:n'))) {
      const pull = state.pulls.get(Number(m.n))
      if (!pull) return send(404, { message: 'Not Found' })
      return send(200, {
        number: Number(m.n),
        head: { sha: pull.headSha },
        ...(pull.base ? { base: pull.base } : {}),
        user: { login: pull.author }
      })
    }
    if ((m = route('GET /repos/:owner/:repo/pulls/:n/files'))) {
      const pull = state.pulls.get(Number(m.n))
      if (!pull) return send(404, { message: 'Not Found' })
      return page(pull.files.map((filename) => ({ filename, status: 'modified' })))
    }
    if ((m = route('GET /repos/:owner/:repo/collaborators/:user/permission'))) {
      const permission = state.permissions[m.user]
      return permission ? send(200, { ...permission, user: { login: m.user } }) : send(404, { message: 'Not Found' })
    }
    if ((m = route('GET /orgs/:org/teams/:team/memberships/:user'))) {
      if (state.teamsAnswer !== 200) return send(state.teamsAnswer, { message: 'Not Found' })
      const membership = state.teams[`${m.org}/${m.team}`]?.[m.user]
      return membership ? send(200, { state: membership, role: 'member' }) : send(404, { message: 'Not Found' })
    }
    const repoDir = state.repoDir
    const gitRoute = /^\/repos\/[^/]+\/[^/]+\/(git\/trees|git\/blobs|commits|contents)\//.exec(url.pathname)
    if (method === 'GET' && gitRoute && !url.pathname.endsWith('/statuses')) {
      if (!repoDir) return send(404, { message: 'fake GitHub: no repoDir for git routes' })
      const rest = decodeURIComponent(url.pathname.slice(gitRoute[0].length))
      switch (gitRoute[1]) {
        case 'git/trees':
          return answer(await treeAnswer(repoDir, rest, url.searchParams.has('recursive'), state.truncateTrees))
        case 'git/blobs':
          return answer(await blobAnswer(repoDir, rest))
        case 'commits':
          return answer(await commitAnswer(repoDir, rest, /\.sha\b/.test(req.headers.accept ?? '')))
        case 'contents':
          return answer(await contentsAnswer(repoDir, rest, url.searchParams.get('ref')))
      }
    }
    send(404, { message: `fake GitHub has no route for ${method} ${url.pathname}` })
  }
  const server = createServer((req, res) => {
    // A fault in the fake answers 500, which the test then fails on, instead of an unhandled rejection.
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' })
      res.end(`fake GitHub failed: ${String(err)}`)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  return {
    url: address(),
    state,
    requests,
    writes: () => requests.filter((r) => r.method !== 'GET'),
    addComment,
    editComment,
    addStatus,
    latestStatus: (sha, context = 'evalgate') => state.statuses.get(sha)?.find((s) => s.context === context),
    close: () => new Promise<void>((resolve) => server.close(() => resolve()))
  }
}

function match(method: string, path: string, pattern: string): Record<string, string> | undefined {
  const [wantMethod, wantPath] = pattern.split(' ')
  if (method !== wantMethod) return undefined
  const want = wantPath.split('/')
  const got = path.split('/')
  if (want.length !== got.length) return undefined
  const params: Record<string, string> = {}
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(':')) params[want[i].slice(1)] = decodeURIComponent(got[i])
    else if (want[i] !== got[i]) return undefined
  }
  return params
}

/** GitHub's page/per_page pagination with a Link header (what Octokit's paginate follows). */
function paginate<T>(
  items: T[],
  url: URL,
  base: string,
  send: (status: number, data: unknown, headers?: Record<string, string>) => void
): void {
  const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30), 100)
  const page = Number(url.searchParams.get('page') ?? 1)
  const last = Math.max(1, Math.ceil(items.length / perPage))
  const link = (n: number) => {
    const next = new URL(url.pathname, base)
    next.searchParams.set('per_page', String(perPage))
    next.searchParams.set('page', String(n))
    return next.toString()
  }
  const headers: Record<string, string> = {}
  if (page < last) headers.link = `<${link(page + 1)}>; rel="next", <${link(last)}>; rel="last"`
  send(200, items.slice((page - 1) * perPage, page * perPage), headers)
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  let raw = ''
  for await (const chunk of req) raw += chunk
  if (raw === '') return undefined
  try {
    return JSON.parse(raw)
  } catch {
    return raw
  }
}

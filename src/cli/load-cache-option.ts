// `evalgate validate` keeps what it reads of each task file between runs
// (src/load/load-cache.ts), in EVALGATE_CACHE_DIR, else $XDG_CACHE_HOME/evalgate/load, else
// ~/.cache/evalgate/load. Never in CI, where a pull request's code may run before evalgate as the
// same user (and where every run starts cold anyway), never from the sources (no build to key the
// entries by), and not with --no-cache or EVALGATE_NO_CACHE=1.
import os from 'node:os'
import path from 'node:path'
import { diskLoadCache, type LoadCache } from '../load/load-cache.js'
import { BUILD_ID } from '../util/build-id.js'
import { isFlagSet } from '../util/env-flag.js'

export function cliLoadCache(
  noCache: boolean | undefined,
  env: NodeJS.ProcessEnv = process.env
): LoadCache | undefined {
  const off = noCache || isFlagSet(env.CI) || isFlagSet(env.GITHUB_ACTIONS) || isFlagSet(env.EVALGATE_NO_CACHE)
  if (off || BUILD_ID === undefined) return undefined
  const root = cacheRoot(env)
  return root === undefined ? undefined : diskLoadCache(root, BUILD_ID)
}

function cacheRoot(env: NodeJS.ProcessEnv): string | undefined {
  if (env.EVALGATE_CACHE_DIR) return path.resolve(env.EVALGATE_CACHE_DIR)
  if (env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME))
    return path.join(env.XDG_CACHE_HOME, 'evalgate', 'load')
  const home = os.homedir()
  return home ? path.join(home, '.cache', 'evalgate', 'load') : undefined
}

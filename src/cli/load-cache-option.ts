// `evalgate validate` and `evalgate readiness` keep what they read of each task file between runs
// (src/load/load-cache.ts), in EVALGATE_CACHE_DIR, else $XDG_CACHE_HOME/evalgate/load, else
// ~/.cache/evalgate/load. Never in CI, where a pull request's code may run before evalgate as the
// same user (and where every run starts cold anyway), never from the sources (no build to key the
// entries by), and not with --no-cache or EVALGATE_NO_CACHE=1.
import os from 'node:os'
import path from 'node:path'
import { diskLoadCache, type LoadCache } from '../load/load-cache.js'
import { BUILD_ID } from '../util/build-id.js'

export function cliLoadCache(
  noCache: boolean | undefined,
  env: NodeJS.ProcessEnv = process.env
): LoadCache | undefined {
  if (noCache || BUILD_ID === undefined || isSet(env.CI) || isSet(env.GITHUB_ACTIONS) || isSet(env.EVALGATE_NO_CACHE))
    return undefined
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

/** Set, and not one of the ways of saying no ("", "0", "false"). */
function isSet(value: string | undefined): boolean {
  return value !== undefined && !['', '0', 'false', 'no'].includes(value.trim().toLowerCase())
}

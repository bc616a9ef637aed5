declare const __EVALGATE_VERSION__: string | undefined

/** package.json's version, written into the bundle by scripts/bundle.mjs (esbuild `define`). */
export const VERSION = typeof __EVALGATE_VERSION__ === 'string' ? __EVALGATE_VERSION__ : '0.0.0-unbundled'

declare const __EVALGATE_BUILD__: string | undefined

/**
 * A digest of the sources and locked dependencies the bundle was built from, written into it by
 * scripts/bundle.mjs (esbuild `define`); undefined when running from the sources.
 */
export const BUILD_ID = typeof __EVALGATE_BUILD__ === 'string' ? __EVALGATE_BUILD__ : undefined

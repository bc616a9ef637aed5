// Every test file, and the evalgate processes the tests start, runs with GitHub API retries off
// (src/github/retry.ts): a test of a permanent 500 fails at once. The retry tests set their own wait.
process.env.EVALGATE_GITHUB_MAX_WAIT_S ??= '0'
// The load cache of the evalgate processes the tests start (src/cli/load-cache-option.ts) lives in
// the temp folder, not in the user's ~/.cache; test/cli/validate-cache.test.ts gives each case its own.
process.env.EVALGATE_CACHE_DIR ??= `${process.env.TMPDIR ?? '/tmp'}/evalgate-test-load-cache`

// Every test file, and the evalgate processes the tests start, runs with GitHub API retries off
// (src/github/retry.ts): a test of a permanent 500 fails at once. The retry tests set their own wait.
process.env.EVALGATE_GITHUB_MAX_WAIT_S ??= '0'

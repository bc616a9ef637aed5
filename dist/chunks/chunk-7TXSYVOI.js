import { createRequire as __evalgateCreateRequire } from 'node:module'; const require = __evalgateCreateRequire(import.meta.url);

// src/util/stop-signals.ts
var EXIT_CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
var cleanups = /* @__PURE__ */ new Set();
var installed = false;
function exitOnStopSignals() {
  if (installed) return;
  installed = true;
  for (const signal of Object.keys(EXIT_CODES)) {
    process.on(signal, () => {
      process.stderr.write(`
evalgate: stopped by ${signal}
`);
      for (const cleanup of cleanups) {
        try {
          cleanup();
        } catch (err) {
          process.stderr.write(`evalgate: while stopping: ${err.message}
`);
        }
      }
      process.exit(EXIT_CODES[signal]);
    });
  }
}
function onStop(cleanup) {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

export {
  exitOnStopSignals,
  onStop
};

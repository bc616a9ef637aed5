import { createRequire as __evalgateCreateRequire } from 'node:module'; const require = __evalgateCreateRequire(import.meta.url);
import {
  didYouMean
} from "./chunk-DCNRK4SB.js";

// src/cli/parse-args.ts
import { parseArgs as parseNodeArgs } from "node:util";
function parseArgs(config) {
  try {
    return parseNodeArgs(config);
  } catch (err) {
    const unknown = unknownOption(err);
    if (unknown !== void 0) {
      const quoted = `'${unknown}'`;
      err.message = err.message.replace(
        quoted,
        quoted + didYouMean(unknown, optionFlags(config))
      );
    }
    throw err;
  }
}
function unknownOption(err) {
  if (err?.code !== "ERR_PARSE_ARGS_UNKNOWN_OPTION") return void 0;
  return /'(-[^']*)'/.exec(err.message)?.[1];
}
function optionFlags(config) {
  return Object.entries(config.options ?? {}).flatMap(([name, option]) => [
    `--${name}`,
    ...option.short ? [`-${option.short}`] : []
  ]);
}

export {
  parseArgs
};

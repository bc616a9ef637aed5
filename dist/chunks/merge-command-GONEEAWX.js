import { createRequire as __evalgateCreateRequire } from 'node:module'; const require = __evalgateCreateRequire(import.meta.url);
import {
  baseRefSource,
  cliRepoRoot,
  phaseOption,
  renderTierTable,
  writtenFiles
} from "./chunk-ATE62G6X.js";
import {
  parseArgs
} from "./chunk-F7JT2AST.js";
import {
  judgedRules,
  mergeShardFiles,
  rulesOfFile
} from "./chunk-6YLTPELO.js";
import "./chunk-7UNX4CFE.js";
import "./chunk-W6TB75QL.js";
import "./chunk-3LERCEUW.js";
import "./chunk-W42VGBLE.js";
import "./chunk-VCAJGQFV.js";
import "./chunk-THW53KF6.js";
import "./chunk-Q7IEP7MK.js";
import "./chunk-NOCHZ4ZE.js";
import "./chunk-RXXAL5VI.js";
import "./chunk-SMAGY54R.js";
import "./chunk-6VDCI3ZY.js";
import "./chunk-2AYC2KJ6.js";
import {
  EXIT
} from "./chunk-DCNRK4SB.js";
import "./chunk-WLFZI5ID.js";
import {
  InputError
} from "./chunk-NQKQZFN6.js";
import "./chunk-N6PE7UBE.js";
import "./chunk-7FOM6VON.js";
import "./chunk-XRLF5WSR.js";
import "./chunk-BX4ROB6G.js";

// src/cli/merge-command.ts
async function mergeCommand(args) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: "string", default: "evalgate-report" },
      thresholds: { type: "string", default: "thresholds.yml" },
      tasks: { type: "string" },
      "base-ref": { type: "string" },
      phase: { type: "string" }
    }
  });
  if (positionals.length === 0)
    throw new InputError(
      "merge needs the shard reports: evalgate merge REPORT.json... [--thresholds FILE] [--tasks DIR] [--base-ref REF] [--phase PHASE] [--out DIR]"
    );
  const { report, paths } = await mergeShardFiles(positionals, values.out, await mergeRules(values));
  process.stdout.write(renderTierTable(report) + "\n");
  process.stdout.write(`
${writtenFiles(paths)}`);
  return EXIT[report.decision];
}
async function mergeRules(values) {
  const baseRef = values["base-ref"];
  const phase = values.phase !== void 0 ? phaseOption(values.phase) : void 0;
  if (values.tasks === void 0 && baseRef === void 0 && phase === void 0) return rulesOfFile(values.thresholds);
  const judged = await judgedRules({
    tasksDir: values.tasks ?? "golden-tasks",
    thresholdsFile: values.thresholds,
    whole: false,
    ...phase ? { phase } : {},
    ...baseRef !== void 0 ? { base: await baseRefSource(baseRef), repoRoot: await cliRepoRoot() } : {}
  });
  return judged.rules;
}
export {
  mergeCommand
};

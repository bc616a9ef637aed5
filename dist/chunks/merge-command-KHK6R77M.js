import { createRequire as __evalgateCreateRequire } from 'node:module'; const require = __evalgateCreateRequire(import.meta.url);
import {
  baseRefSource,
  cliRepoRoot,
  phaseOption,
  renderTierTable,
  writtenFiles
} from "./chunk-643IFMBI.js";
import {
  parseArgs
} from "./chunk-F7JT2AST.js";
import {
  judgedRules,
  mergeShardFiles,
  rulesOfFile
} from "./chunk-2VU5IHGO.js";
import "./chunk-YTPH24MI.js";
import "./chunk-SMYTZZDR.js";
import "./chunk-736N62CT.js";
import "./chunk-77A2QBA5.js";
import "./chunk-UK53RQSH.js";
import "./chunk-ZI6PSATX.js";
import "./chunk-UMWV34Y7.js";
import "./chunk-3GL3DNQB.js";
import "./chunk-HOOUSS7H.js";
import "./chunk-WWFOR4K3.js";
import "./chunk-23PSGEKM.js";
import "./chunk-2OAFEBTW.js";
import "./chunk-RXXAL5VI.js";
import {
  EXIT
} from "./chunk-DCNRK4SB.js";
import {
  InputError
} from "./chunk-NQKQZFN6.js";
import "./chunk-OK5TKKTO.js";
import "./chunk-5FUXRJRG.js";
import "./chunk-AO5R7NBC.js";
import "./chunk-DOEHTZXB.js";
import "./chunk-CEYCZK43.js";
import "./chunk-LCFPQPNL.js";
import "./chunk-7LLJMACG.js";
import "./chunk-JNHVC7HD.js";
import "./chunk-2AYC2KJ6.js";
import "./chunk-N6PE7UBE.js";
import "./chunk-WE7CPBA2.js";
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

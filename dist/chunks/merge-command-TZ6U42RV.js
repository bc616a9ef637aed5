import { createRequire as __evalgateCreateRequire } from 'node:module'; const require = __evalgateCreateRequire(import.meta.url);
import {
  baseRefSource,
  cliRepoRoot,
  phaseOption,
  renderTierTable,
  writtenFiles
} from "./chunk-42CASNK6.js";
import {
  parseArgs
} from "./chunk-F7JT2AST.js";
import {
  judgedRules,
  mergeShardFiles,
  rulesOfFile
} from "./chunk-62P63M5I.js";
import "./chunk-IQYGTY2V.js";
import "./chunk-J6QDWVDP.js";
import "./chunk-7AAMN2V5.js";
import "./chunk-KJ5XEC4Y.js";
import "./chunk-ESGMUO26.js";
import "./chunk-GLKZXOD5.js";
import "./chunk-U6IYLBOO.js";
import "./chunk-QFCGNJGN.js";
import "./chunk-GLXLJR3M.js";
import "./chunk-RNMS4E7W.js";
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
import "./chunk-O6NRBPE5.js";
import "./chunk-L3VTGKT3.js";
import "./chunk-IPGCWXNK.js";
import "./chunk-2AYC2KJ6.js";
import "./chunk-N6PE7UBE.js";
import "./chunk-RRH7Q64L.js";
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

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
  evaluate
} from "./chunk-NI5XYDJY.js";
import "./chunk-WIQD65GD.js";
import "./chunk-YTPH24MI.js";
import "./chunk-SMYTZZDR.js";
import "./chunk-736N62CT.js";
import "./chunk-6NTLNALJ.js";
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
import "./chunk-7TXSYVOI.js";
import {
  InputError
} from "./chunk-NQKQZFN6.js";
import "./chunk-XVHLRIQ7.js";
import "./chunk-OK5TKKTO.js";
import "./chunk-5FUXRJRG.js";
import "./chunk-AO5R7NBC.js";
import "./chunk-EN4JMTB4.js";
import "./chunk-DOEHTZXB.js";
import "./chunk-2274XTFE.js";
import "./chunk-3OEFYE6Q.js";
import "./chunk-CEYCZK43.js";
import "./chunk-LCFPQPNL.js";
import "./chunk-7LLJMACG.js";
import "./chunk-JNHVC7HD.js";
import "./chunk-2AYC2KJ6.js";
import "./chunk-N6PE7UBE.js";
import "./chunk-7FOM6VON.js";
import "./chunk-WE7CPBA2.js";
import "./chunk-BX4ROB6G.js";

// src/cli/commit.ts
import { execFileSync } from "node:child_process";
function detectCommit() {
  if (process.env.GITHUB_SHA) return process.env.GITHUB_SHA;
  try {
    return execFileSync("git", ["rev-parse", "HEAD"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim() || void 0;
  } catch {
    return void 0;
  }
}

// src/cli/run-command.ts
async function runCommand(args) {
  const { values } = parseArgs({
    args,
    options: {
      tasks: { type: "string", default: "golden-tasks" },
      thresholds: { type: "string", default: "thresholds.yml" },
      out: { type: "string", default: "evalgate-report" },
      concurrency: { type: "string", default: "8" },
      repeat: { type: "string" },
      shard: { type: "string" },
      baseline: { type: "string" },
      workflow: { type: "string" },
      filter: { type: "string" },
      cache: { type: "string" },
      "openai-base-url": { type: "string" },
      "base-ref": { type: "string" },
      "otlp-endpoint": { type: "string" },
      phase: { type: "string" }
    }
  });
  const baseRef = values["base-ref"];
  const { report, paths } = await evaluate({
    tasksDir: values.tasks,
    thresholdsFile: values.thresholds,
    outDir: values.out,
    concurrency: positiveInt("--concurrency", values.concurrency),
    ...values.repeat !== void 0 ? { repeat: positiveInt("--repeat", values.repeat) } : {},
    shard: values.shard,
    baselineFile: values.baseline,
    workflow: values.workflow,
    filter: values.filter,
    commit: detectCommit(),
    cacheDir: values.cache,
    openaiBaseUrl: values["openai-base-url"],
    progress: true,
    otlpEndpoint: values["otlp-endpoint"],
    ...values.phase !== void 0 ? { phase: phaseOption(values.phase) } : {},
    ...baseRef !== void 0 ? { base: await baseRefSource(baseRef), repoRoot: await cliRepoRoot() } : {}
  });
  const missing = report.baseline?.missing_tiers ?? [];
  if (missing.length > 0)
    process.stderr.write(
      `warning: the baseline ${report.baseline.file} has no result for ${missing.map((t) => `${t.workflow} ${t.tier}`).join(", ")}: not compared there (no max_drop)
`
    );
  process.stdout.write(renderTierTable(report) + "\n");
  process.stdout.write(`
${writtenFiles(paths)}`);
  return EXIT[report.decision];
}
function positiveInt(flag, value) {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1) throw new InputError(`${flag} must be a positive integer, got "${value}"`);
  return n;
}
export {
  positiveInt,
  runCommand
};

import { createRequire as __evalgateCreateRequire } from 'node:module'; const require = __evalgateCreateRequire(import.meta.url);
import {
  parseArgs
} from "./chunk-F7JT2AST.js";
import {
  makeEvidencePack
} from "./chunk-QY4TI2ZB.js";
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
import "./chunk-NQKQZFN6.js";
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

// src/cli/evidence-command.ts
async function evidenceCommand(args) {
  const { values } = parseArgs({
    args,
    options: {
      tasks: { type: "string", default: "golden-tasks" },
      thresholds: { type: "string", default: "thresholds.yml" },
      report: { type: "string" },
      out: { type: "string", default: "evidence" }
    }
  });
  const files = await makeEvidencePack({
    tasksDir: values.tasks,
    thresholdsFile: values.thresholds,
    reportFile: values.report,
    outDir: values.out
  });
  const pages = files.filter((file) => file.endsWith(".html")).length;
  process.stdout.write(
    `evidence pack: ${files[0]} (${pages} pages, each also as markdown)${values.report === void 0 ? "; no run given (--report REPORT.json adds the eval report and traces)" : ""}
`
  );
  return EXIT.pass;
}
export {
  evidenceCommand
};

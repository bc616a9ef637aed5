import { createRequire as __evalgateCreateRequire } from 'node:module'; const require = __evalgateCreateRequire(import.meta.url);
import {
  parseArgs
} from "./chunk-F7JT2AST.js";
import {
  makeEvidencePack
} from "./chunk-UEE5CS4V.js";
import "./chunk-TFNRXBKL.js";
import "./chunk-7AAMN2V5.js";
import "./chunk-KJ5XEC4Y.js";
import "./chunk-ESGMUO26.js";
import "./chunk-GLKZXOD5.js";
import "./chunk-QFCGNJGN.js";
import "./chunk-GLXLJR3M.js";
import "./chunk-RNMS4E7W.js";
import "./chunk-RXXAL5VI.js";
import {
  EXIT
} from "./chunk-DCNRK4SB.js";
import "./chunk-NQKQZFN6.js";
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

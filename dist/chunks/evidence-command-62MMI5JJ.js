import { createRequire as __evalgateCreateRequire } from 'node:module'; const require = __evalgateCreateRequire(import.meta.url);
import {
  parseArgs
} from "./chunk-F7JT2AST.js";
import {
  makeEvidencePack
} from "./chunk-RKLYFPI3.js";
import "./chunk-PM7YZ5G4.js";
import "./chunk-2545RQ3P.js";
import "./chunk-S4DQD26K.js";
import "./chunk-YW3UEAGB.js";
import "./chunk-6HLBWNF2.js";
import "./chunk-PFZGISGJ.js";
import "./chunk-SFWGIDIP.js";
import "./chunk-O5VMCRRO.js";
import "./chunk-RXXAL5VI.js";
import {
  EXIT
} from "./chunk-DCNRK4SB.js";
import "./chunk-NQKQZFN6.js";
import "./chunk-OK5TKKTO.js";
import "./chunk-5FUXRJRG.js";
import "./chunk-AO5R7NBC.js";
import "./chunk-DOEHTZXB.js";
import "./chunk-LCFPQPNL.js";
import "./chunk-L3VTGKT3.js";
import "./chunk-7LLJMACG.js";
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

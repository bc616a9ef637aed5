import { createRequire as __evalgateCreateRequire } from 'node:module'; const require = __evalgateCreateRequire(import.meta.url);
import {
  parseArgs
} from "./chunk-F7JT2AST.js";
import {
  makeEvidencePack
} from "./chunk-NSCWMVUB.js";
import "./chunk-XYSCCIJU.js";
import "./chunk-W6TB75QL.js";
import "./chunk-3LERCEUW.js";
import "./chunk-W42VGBLE.js";
import "./chunk-THW53KF6.js";
import "./chunk-NOCHZ4ZE.js";
import "./chunk-RXXAL5VI.js";
import "./chunk-SMAGY54R.js";
import "./chunk-6VDCI3ZY.js";
import "./chunk-2AYC2KJ6.js";
import {
  EXIT
} from "./chunk-DCNRK4SB.js";
import "./chunk-WLFZI5ID.js";
import "./chunk-NQKQZFN6.js";
import "./chunk-N6PE7UBE.js";
import "./chunk-7FOM6VON.js";
import "./chunk-XRLF5WSR.js";
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

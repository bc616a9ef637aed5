import { createRequire as __evalgateCreateRequire } from 'node:module'; const require = __evalgateCreateRequire(import.meta.url);
import {
  agentTypeOf
} from "./chunk-3GL3DNQB.js";
import {
  keyProblem,
  registerEndpointSecrets
} from "./chunk-5FUXRJRG.js";

// src/agents/model-access.ts
function agentModel(agent) {
  return agentTypeOf(agent).model?.(agent);
}
function missingApiKey(workflow, opts, needsJudge = true) {
  const model = agentModel(workflow.agent);
  if (model) {
    const user = `the ${workflow.agent.type} agent of ${workflow.name}`;
    const problem = keyProblem(model.endpoint, opts, user, "agent");
    if (problem) return problem;
  }
  if (needsJudge && workflow.judge) return keyProblem(workflow.judge, opts, `the judge of ${workflow.name}`, "judge");
  return void 0;
}
function registerWorkflowSecrets(workflows) {
  registerEndpointSecrets(
    workflows.flatMap((workflow) => [
      ...agentTypeOf(workflow.agent).credentials?.(workflow.agent) ?? [],
      ...workflow.judge ? [workflow.judge] : []
    ])
  );
}

export {
  agentModel,
  missingApiKey,
  registerWorkflowSecrets
};

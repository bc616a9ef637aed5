import { createRequire as __evalgateCreateRequire } from 'node:module'; const require = __evalgateCreateRequire(import.meta.url);
import {
  groupByTier,
  tierSettings,
  tooSmallWarning
} from "./chunk-WWFOR4K3.js";

// src/gate/too-small-tiers.ts
function tooSmallTiers(tasks, gate) {
  const several = new Set(tasks.map((t) => t.workflow)).size > 1;
  return groupByTier(tasks).flatMap(({ workflow, tier, tasks: members }) => {
    const settings = tierSettings(gate, workflow, tier);
    if (!settings.rule) return [];
    const warning = tooSmallWarning({
      label: `${several ? `${workflow} ` : ""}${tier}`,
      tasks: members.length,
      threshold: settings.rule.min_success,
      confidence: settings.confidence,
      margin: settings.margin,
      attempts: settings.max_attempts
    });
    return warning ? [warning] : [];
  });
}

export {
  tooSmallTiers
};

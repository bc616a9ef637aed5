// The validated model every stage after loading works on. Loading turns files into these
// types (src/load); nothing downstream reads a user file again. Each shape has a file of its own
// in src/model, re-exported here.

export {
  FALLBACKS,
  MATCH_MODES,
  PHASES,
  RISKS,
  TIERS,
  type Fallback,
  type MatchMode,
  type Phase,
  type Risk,
  type SourceRef,
  type Tier
} from './vocabulary.js'
export type {
  AgentSettings,
  DataGovernance,
  EndpointConfig,
  Identity,
  JudgeConfig,
  RedactRule,
  ToolPermission,
  ToolSchema,
  Workflow
} from './workflow.js'
export type { JudgeVerdict } from './judge-verdict.js'
export type { GraderVerdict } from './grader-verdict.js'
export type { ExpectedRubric, Fixture, FixtureCase, GoldenTask, TaskCore, TaskPlace } from './task.js'
export type { Fault } from './fault.js'
export type { Budgets, ModelPrice, OverrideRules, PhaseRules, Thresholds } from './thresholds.js'
export type {
  CostLimits,
  DecisionSettings,
  EconomicsRule,
  GateRules,
  PassKRule,
  TierRule
} from './gate-rules-schema.js'
export type {
  AgentAnswer,
  AgentRun,
  AttemptState,
  ExpectationResult,
  GradedAttempt,
  GuardrailCheck,
  ModelCallRecord,
  TaskStatus,
  ToolCallRecord
} from './attempt.js'
export type {
  ChangedTask,
  CostLimitCheck,
  DrillReport,
  Decision,
  FailureMode,
  GateChanges,
  PairedComparison,
  Readiness,
  ReadinessSection,
  ReadinessStatus,
  Report,
  RunAttempts,
  TaskRef,
  TaskResult,
  ThresholdChange,
  TierAttempts,
  TierDecision,
  TierSummary,
  TokenCounts,
  WorkflowEconomics,
  WorkflowInfo
} from './report.js'
export type { TraceLine } from './trace.js'
export type {
  AgainstBaseline,
  FileChange,
  FileComparison,
  VersionedFile,
  VersionedKind,
  Versions,
  WorkflowVersions
} from './versions.js'
export type { Incident, IncidentResult, Severity } from './incident.js'

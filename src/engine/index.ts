// The engine's public face: everything the UI, the CLI and the session hub may use.
export { loadScenario, loadScenarioBytes, MAX_FILE_BYTES, type LoadResult } from './load';
export { formatProblem, type ScenarioProblem } from './problems';
export { compileScenario, CompileError, type CompiledScenario, type DecisionRecord, type EventRecord } from './compile';
export {
  Run,
  RunError,
  type NodeView,
  type MetricView,
  type RunResult,
  type PersistedRun,
  type DecisionReview,
} from './run';
export { analyze, DEFAULT_STATE_LIMIT, type Analysis, type ScoredPath, type PathStep } from './analyze';
export { STAR_THRESHOLDS, type Score, type ScoreRange } from './score';
export { PROCURCOMPEU_COMPETENCES, type Competence } from './competences';
export * from './schema';
export { warningsFor, type ScenarioWarning } from './warnings';
export { scenarioJsonSchema, JSON_SCHEMA_FILE } from './json-schema';
export { storyDiagram, describeCondition, type Diagram, type DiagramNode, type DiagramEdge } from './diagram';
export { toMermaid } from './mermaid';
export { toDot } from './dot';
export {
  TRANSLATION_FORMAT,
  scenarioStrings,
  translationStatus,
  updateTranslation,
  isComplete,
  stringState,
  textLookup,
  textKey,
  type ScenarioString,
  type Translation,
  type TranslationEntry,
  type TranslationStatus,
  type TranslationUpdate,
  type StringState,
  type LocalizedText,
  type TextLookup,
} from './translate';
export {
  loadTranslation,
  translationText,
  translationFileName,
  TranslationSchema,
  MAX_TRANSLATION_CHARS,
  type TranslationLoadResult,
  type TranslationExpectation,
} from './translation-file';
export { seedState, shuffled } from './random';

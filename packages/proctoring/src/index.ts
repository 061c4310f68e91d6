export { validateBatch, withoutKnown, type ValidateBatchOptions, type ValidatedBatch } from './validate-batch.js';
export { effectiveSettings } from './settings.js';
export { practiceRules, isPractice, type JudgedRules } from './practice.js';
export { severityOf, severityRank, severitiesAtLeast, isLongIdle } from './severity.js';
export { emptyCounters, foldEvent, normaliseCounters } from './counters.js';
export { applyEvents, TAB_SWITCH_REFLAG_EVERY, type FlagDraft, type RulesResult } from './rules.js';
export { integrityOf } from './integrity.js';
export { applyEdits, rebuildSnapshots, latestSnapshot, type RebuiltSnapshot } from './snapshot.js';
export { toEventRecord, type EventRecordContext } from './normalise.js';

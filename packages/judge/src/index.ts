export { createJudge } from './judge.js';
export { createThreadedJudge } from './thread/threaded-judge.js';
export type { Judge, JudgeOptions, LanguageStatus } from './judge.js';
export type { ThreadedJudge } from './thread/threaded-judge.js';
export { LANGUAGE_SPECS } from './languages/index.js';
export type { LanguageSpec } from './languages/index.js';

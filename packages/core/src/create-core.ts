import { createAccountsService } from './accounts/accounts-service.js';
import type { CoreDeps } from './context.js';
import { createLeaderboardService } from './leaderboard/leaderboard-service.js';
import { createProblemsService, type ProblemValidator } from './problems/problems-service.js';
import { createSubmissionsService } from './submissions/submissions-service.js';

export interface CoreOptions {
  /** Runs reference solutions through the judge (via the worker) before a problem is saved. */
  problemValidator?: ProblemValidator;
}

/** The domain services of one process. */
export function createCore(deps: CoreDeps, options: CoreOptions = {}) {
  return {
    deps,
    accounts: createAccountsService(deps),
    problems: createProblemsService(deps, { validator: options.problemValidator }),
    submissions: createSubmissionsService(deps),
    leaderboard: createLeaderboardService(deps),
  };
}
export type Core = ReturnType<typeof createCore>;

import { createAccountsService } from './accounts/accounts-service.js';
import { createActivityService } from './activity/activity-service.js';
import { createAssessments } from './assessments/index.js';
import type { CoreDeps } from './context.js';
import { createPlagiarism } from './plagiarism/index.js';
import { createLeaderboardService } from './leaderboard/leaderboard-service.js';
import { createProblemsService, type ProblemValidator } from './problems/problems-service.js';
import type { RemoteWorkerOptions } from './problems/remote-validator.js';
import { createPackageService } from './problem-packages/package-service.js';
import { publishSolvedChange } from './problems/solved-memo.js';
import { createProctoring, type ProctoringOptions } from './proctoring/index.js';
import { createDraftsService } from './submissions/drafts-service.js';
import { createSubmissionsService } from './submissions/submissions-service.js';

export interface CoreOptions {
  /** Runs reference solutions through the judge (via the worker) before a problem is saved. */
  problemValidator?: ProblemValidator;
  proctoring?: ProctoringOptions;
  /** Judges a problem package's submissions on import (a worker); absent: they are reported as not judged. */
  packageWorker?: RemoteWorkerOptions | null;
}

/** The domain services of one process. */
export function createCore(deps: CoreDeps, options: CoreOptions = {}) {
  const leaderboard = createLeaderboardService(deps);
  const submissions = createSubmissionsService(deps, {
    // The catalog's memo of the user's solved ids is cleared on every process before the verdict goes out.
    onSolved: async (userId) => {
      await publishSolvedChange(deps, userId);
      await leaderboard.recordSolve(userId);
    },
  });
  const problems = createProblemsService(deps, { validator: options.problemValidator });
  // A timed attempt's deadline submits the latest snapshot through the same path as a student's Submit.
  const proctoring = createProctoring(deps, {
    autoSubmitter: async (request) => {
      const actor = { userId: request.userId, role: 'student' as const, name: '' };
      const { id } = await submissions.create(
        actor,
        { problemId: request.problemId, language: request.language, code: request.code, mode: 'submit', attemptId: request.attemptId },
        { autoSubmitted: true },
      );
      return { submissionId: id };
    },
    ...options.proctoring,
  });
  return {
    deps,
    accounts: createAccountsService(deps),
    problems,
    // ICPC/Kattis problem packages: import with verification, export, publish (docs/problem-packages.md).
    packages: createPackageService(deps, { problems, worker: options.packageWorker ?? null }),
    submissions,
    drafts: createDraftsService(deps),
    leaderboard,
    // Per-day counts for the charts: a student's calendar, a class's progress.
    activity: createActivityService(deps),
    plagiarism: createPlagiarism(deps),
    proctoring,
    // Classes and assessments: their attempts' clocks are proctoring attempts' deadlines (auto-submit included).
    assessments: createAssessments(deps, { proctoring, problems, submissions }),
  };
}
export type Core = ReturnType<typeof createCore>;

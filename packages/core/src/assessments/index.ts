import type { CoreDeps } from '../context.js';
import type { ProblemsService } from '../problems/problems-service.js';
import type { Proctoring } from '../proctoring/index.js';
import type { SubmissionsService } from '../submissions/submissions-service.js';
import { createAccess } from './access.js';
import { createAssessmentsService } from './assessments-service.js';
import { createClassesService } from './classes-service.js';
import { createClocks } from './clocks.js';
import { createResultsService } from './results-service.js';
import { createTakingService } from './taking-service.js';

export type { AssessmentInput } from './assessments-service.js';
export type { AssessmentSubmissionInput } from './taking-service.js';
export { csvField, scoreboardCsv } from './csv.js';

/** Classes and assessments (docs/assessments.md), built on submissions, proctoring attempts and their deadline sweep. */
export function createAssessments(deps: CoreDeps, parts: { proctoring: Proctoring; problems: ProblemsService; submissions: SubmissionsService }) {
  const access = createAccess(deps);
  const clocks = createClocks(deps);
  const assessments = createAssessmentsService(deps, access, clocks);
  return {
    classes: createClassesService(deps, access),
    assessments,
    taking: createTakingService(deps, { access, clocks, ...parts }),
    results: createResultsService(deps, { access, assessments, proctoring: parts.proctoring }),
  };
}
export type Assessments = ReturnType<typeof createAssessments>;

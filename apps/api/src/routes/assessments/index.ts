import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  accommodationsBodySchema, assessmentAttemptSchema, assessmentBodySchema, assessmentListQuerySchema, assessmentListSchema,
  assessmentLiveSchema, assessmentPlagiarismSchema, assessmentProblemParamsSchema, assessmentSchema, assessmentSubmissionBodySchema,
  classStudentParamsSchema, createSubmissionResponseSchema, errorBodySchema, idParamSchema, openAssessmentProblemResponseSchema,
  scoreAdjustmentBodySchema, scoreAdjustmentListSchema, scoreAdjustmentSchema, scoreboardSchema, startAssessmentBodySchema,
  studentAssessmentListSchema, studentAssessmentSchema, studentAttemptDetailSchema,
} from '@logicode/contracts';
import type { RouteDeps } from '../route-deps.js';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema, 422: errorBodySchema, 429: errorBodySchema };

/**
 * Assessments (docs/assessments.md). Teacher routes need the teacher or admin role and ownership of the class;
 * student routes answer only for published assessments of the caller's classes (anything else is 404).
 */
export async function assessmentRoutes(app: FastifyInstance, { runtime }: RouteDeps): Promise<void> {
  const { assessments, taking, results } = runtime.core.assessments;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const staff = app.requireRole('teacher', 'admin');
  const student = app.requireRole('student');
  app.addHook('onRequest', app.requireAuth);
  const tags = ['assessments'];

  // ---- The student's side ----
  r.get('/mine', { onRequest: student, schema: { tags, summary: 'Published assessments of my classes (upcoming, open, finished)', response: { 200: studentAssessmentListSchema, ...errors } } },
    async (request) => taking.mine(request.actor!));

  r.get('/:id/student', { onRequest: student, schema: { tags, summary: 'One assessment as its student sees it (rules for the consent notice)', params: idParamSchema, response: { 200: studentAssessmentSchema, ...errors } } },
    async (request) => taking.get(request.actor!, request.params.id));

  r.post('/:id/start', { onRequest: student, schema: { tags, summary: 'Start (after consent) or continue my one attempt; the clock is the server\'s', params: idParamSchema, body: startAssessmentBodySchema, response: { 200: assessmentAttemptSchema, ...errors } } },
    async (request) => taking.start(request.actor!, request.params.id));

  r.get('/:id/attempt', { onRequest: student, schema: { tags, summary: 'My attempt: deadline, server time, per-problem progress', params: idParamSchema, response: { 200: assessmentAttemptSchema, ...errors } } },
    async (request) => taking.attempt(request.actor!, request.params.id));

  r.post('/:id/problems/:problemId/open', { onRequest: student, schema: { tags, summary: 'Open (or resume) a problem of my running attempt', params: assessmentProblemParamsSchema, response: { 200: openAssessmentProblemResponseSchema, ...errors } } },
    async (request) => taking.openProblem(request.actor!, request.params.id, request.params.problemId));

  r.post('/:id/problems/:problemId/submissions', { onRequest: student, schema: { tags, summary: 'Run or Submit inside my running attempt; judged asynchronously', params: assessmentProblemParamsSchema, body: assessmentSubmissionBodySchema, response: { 202: createSubmissionResponseSchema, ...errors } } },
    async (request, reply) => {
      const { id } = await taking.submit(request.actor!, request.params.id, request.params.problemId, request.body);
      return reply.status(202).header('location', `/api/submissions/${id}`).send({ id, status: 'queued' as const });
    });

  r.post('/:id/finish', { onRequest: student, schema: { tags, summary: 'Hand in early: the attempt ends now (latest code auto-submitted)', params: idParamSchema, response: { 200: assessmentAttemptSchema, ...errors } } },
    async (request) => taking.finish(request.actor!, request.params.id));

  // ---- The teacher's side ----
  r.post('/', { onRequest: staff, schema: { tags, summary: 'Create a draft assessment for one of my classes', body: assessmentBodySchema, response: { 201: assessmentSchema, ...errors } } },
    async (request, reply) => reply.status(201).send(await assessments.create(request.actor!, request.body)));

  r.get('/', { onRequest: staff, schema: { tags, summary: 'Assessments of my classes (admin: all)', querystring: assessmentListQuerySchema, response: { 200: assessmentListSchema, ...errors } } },
    async (request) => ({ items: await assessments.list(request.actor!, request.query.classId) }));

  r.get('/:id', { onRequest: staff, schema: { tags, params: idParamSchema, response: { 200: assessmentSchema, ...errors } } },
    async (request) => assessments.get(request.actor!, request.params.id));

  r.put('/:id', { onRequest: staff, schema: { tags, summary: 'Replace a draft', params: idParamSchema, body: assessmentBodySchema, response: { 200: assessmentSchema, ...errors } } },
    async (request) => assessments.update(request.actor!, request.params.id, request.body));

  r.put('/:id/accommodations', { onRequest: staff, schema: { tags, summary: 'Per-student extra time (running attempts get the new deadline)', params: idParamSchema, body: accommodationsBodySchema, response: { 200: assessmentSchema, ...errors } } },
    async (request) => assessments.setAccommodations(request.actor!, request.params.id, request.body.accommodations));

  r.post('/:id/publish', { onRequest: staff, schema: { tags, params: idParamSchema, response: { 200: assessmentSchema, ...errors } } },
    async (request) => assessments.publish(request.actor!, request.params.id));

  r.post('/:id/close', { onRequest: staff, schema: { tags, summary: 'Close early: running attempts end now', params: idParamSchema, response: { 200: assessmentSchema, ...errors } } },
    async (request) => assessments.close(request.actor!, request.params.id));

  r.get('/:id/live', { onRequest: staff, schema: { tags, summary: 'Who started, progress per problem, flags, time left (room feed:assessment:<id> for updates)', params: idParamSchema, response: { 200: assessmentLiveSchema, ...errors } } },
    async (request) => results.live(request.actor!, request.params.id));

  r.get('/:id/students/:userId', { onRequest: staff, schema: { tags, summary: 'One student\'s attempt, proctoring attempts (for playback), submissions, adjustments', params: classStudentParamsSchema, response: { 200: studentAttemptDetailSchema, ...errors } } },
    async (request) => results.student(request.actor!, request.params.id, request.params.userId));

  r.get('/:id/scoreboard', { onRequest: staff, schema: { tags, summary: 'Points (penalty-free), ties by the time of the last improving submission', params: idParamSchema, response: { 200: scoreboardSchema, ...errors } } },
    async (request) => results.scoreboard(request.actor!, request.params.id));

  r.get('/:id/export.csv', { onRequest: staff, schema: { tags, summary: 'The scoreboard as CSV, one row per student', params: idParamSchema, response: { 200: z.string(), ...errors } } },
    async (request, reply) => {
      const { fileName, body } = await results.csv(request.actor!, request.params.id);
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${fileName}"`).send(body);
    });

  r.get('/:id/adjustments', { onRequest: staff, schema: { tags, params: idParamSchema, response: { 200: scoreAdjustmentListSchema, ...errors } } },
    async (request) => ({ items: await results.adjustments(request.actor!, request.params.id) }));

  r.post('/:id/adjustments', { onRequest: staff, schema: { tags, summary: 'Change a student\'s score with a reason (kept in the audit table)', params: idParamSchema, body: scoreAdjustmentBodySchema, response: { 201: scoreAdjustmentSchema, ...errors } } },
    async (request, reply) => reply.status(201).send(await results.adjust(request.actor!, request.params.id, request.body)));

  r.get('/:id/plagiarism', { onRequest: staff, schema: { tags, summary: 'Similar pairs among this assessment\'s submissions', params: idParamSchema, response: { 200: assessmentPlagiarismSchema, ...errors } } },
    async (request) => ({ items: await results.plagiarism(request.actor!, request.params.id) }));
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  activeSessionSchema, attemptTimelineViewSchema, dashboardStatsSchema, errorBodySchema, eventsPageSchema, eventsQuerySchema,
  flagBulkReviewBodySchema, flagBulkReviewResultSchema, flagListItemSchema, flagReviewBodySchema, flagsQuerySchema, idParamSchema, problemSettingsBodySchema, problemSettingsViewSchema,
  proctorFlagSchema, proctorSettingsSchema, studentDetailQuerySchema, studentDetailSchema, studentsPageSchema, studentsQuerySchema, pageOf,
  teacherSubmissionSchema, teacherSubmissionsQuerySchema,
} from '@logicode/contracts';
import { sendJsonText } from '../json-body.js';
import type { RouteDeps } from '../route-deps.js';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };

/**
 * The teacher API: everything under /api/teacher needs the teacher or admin role, and every read or review goes
 * through core's one scope rule (a teacher: the students of their own classes and the attempts in their own
 * assessments; docs/access.md). The global proctoring rules are the admin's to change. Raw events are never deleted here.
 */
export async function teacherRoutes(app: FastifyInstance, { runtime }: RouteDeps): Promise<void> {
  const { teacher, settings } = runtime.core.proctoring;
  app.addHook('onRequest', app.requireRole('teacher', 'admin'));
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['teacher'];

  r.get('/dashboard', { schema: { tags, summary: 'Students, active now, flagged attempts today, events today (UTC day)', response: { 200: dashboardStatsSchema, ...errors } } },
    async (request) => teacher.dashboard(request.actor!));

  r.get('/sessions', { schema: { tags, summary: 'Active attempts with counters', response: { 200: z.object({ items: z.array(activeSessionSchema) }), ...errors } } },
    async (request) => ({ items: await teacher.activeSessions(request.actor!) }));

  r.get('/events', { schema: { tags, summary: 'Events, newest first, with filters and a cursor', querystring: eventsQuerySchema, response: { 200: eventsPageSchema, ...errors } } },
    async (request) => teacher.events(request.actor!, request.query));

  r.get('/students', { schema: { tags, summary: 'One page of the class (search, sort by a column): solved, attempts, open flags, tab switches, pastes, worst integrity, last activity', querystring: studentsQuerySchema, response: { 200: studentsPageSchema, ...errors } } },
    // Typed pages built by core: stringified as they are, without the per-request zod re-check of the response
    // schema (a tenth of the api's CPU in the views profile).
    async (request, reply) => sendJsonText(reply, JSON.stringify(await teacher.students(request.actor!, request.query))));

  r.get('/submissions', { schema: { tags, summary: 'The submissions of the caller\'s students, newest first, with filters', querystring: teacherSubmissionsQuerySchema, response: { 200: pageOf(teacherSubmissionSchema), ...errors } } },
    async (request) => runtime.core.submissions.search(request.actor!, request.query));

  r.get('/students/:id', { schema: { tags, summary: 'A student: solved problems; the newest attempts with counters, integrity and flags (older ones with the cursor)', params: idParamSchema, querystring: studentDetailQuerySchema, response: { 200: studentDetailSchema, ...errors } } },
    async (request, reply) => sendJsonText(reply, JSON.stringify(await teacher.student(request.actor!, request.params.id, request.query))));

  r.get('/attempts/:id/timeline', { schema: { tags, summary: 'One attempt\'s events and snapshots in order, for playback', params: idParamSchema, response: { 200: attemptTimelineViewSchema, ...errors } } },
    async (request) => teacher.timeline(request.actor!, request.params.id));

  r.get('/flags', { schema: { tags, summary: 'Flags of the caller\'s students, newest first, naming the student and the problem', querystring: flagsQuerySchema, response: { 200: z.object({ items: z.array(flagListItemSchema) }), ...errors } } },
    async (request) => ({ items: await teacher.flags(request.actor!, request.query) }));

  r.patch('/flags', { schema: { tags, summary: 'Clear, reopen or annotate many flags with one note (each audited; ids outside the caller\'s scope are listed as not found)', body: flagBulkReviewBodySchema, response: { 200: flagBulkReviewResultSchema, ...errors } } },
    async (request) => teacher.reviewFlags(request.actor!, request.body));

  r.patch('/flags/:id', { schema: { tags, summary: 'Clear, reopen or annotate a flag (kept in the audit trail)', params: idParamSchema, body: flagReviewBodySchema, response: { 200: proctorFlagSchema, ...errors } } },
    async (request) => teacher.reviewFlag(request.actor!, request.params.id, request.body));

  r.get('/proctor-settings', { schema: { tags, summary: 'The global proctoring rules', response: { 200: proctorSettingsSchema, ...errors } } },
    async () => settings.global());

  // The global rules apply to every teacher's students: only an admin changes them (a teacher reads them, and
  // sets a problem's own rules below, since problems are shared).
  r.put('/proctor-settings', { onRequest: app.requireRole('admin'), schema: { tags, summary: 'Change the global proctoring rules (admin only)', body: proctorSettingsSchema, response: { 200: proctorSettingsSchema, ...errors } } },
    async (request) => settings.setGlobal(request.actor!, request.body));

  r.get('/problems/:id/proctor-settings', { schema: { tags, params: idParamSchema, response: { 200: problemSettingsViewSchema, ...errors } } },
    async (request) => settings.view(request.params.id));

  r.put('/problems/:id/proctor-settings', { schema: { tags, summary: 'Set (or with null remove) a problem\'s own rules', params: idParamSchema, body: problemSettingsBodySchema, response: { 200: problemSettingsViewSchema, ...errors } } },
    async (request) => settings.setOverride(request.actor!, request.params.id, request.body.override));
}

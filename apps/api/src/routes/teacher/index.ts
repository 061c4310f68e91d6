import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  activeSessionSchema, attemptTimelineSchema, dashboardStatsSchema, errorBodySchema, eventsPageSchema, eventsQuerySchema,
  flagReviewBodySchema, flagsQuerySchema, idParamSchema, problemSettingsBodySchema, problemSettingsViewSchema,
  proctorFlagSchema, proctorSettingsSchema, studentDetailSchema, studentRowSchema, studentsQuerySchema, pageOf,
  teacherSubmissionSchema, teacherSubmissionsQuerySchema,
} from '@logicode/contracts';
import type { RouteDeps } from '../route-deps.js';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };

/** The teacher API: everything under /api/teacher needs the teacher or admin role. Raw events are never deleted here. */
export async function teacherRoutes(app: FastifyInstance, { runtime }: RouteDeps): Promise<void> {
  const { teacher, settings } = runtime.core.proctoring;
  app.addHook('onRequest', app.requireRole('teacher', 'admin'));
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['teacher'];
  const studentsJson = new WeakMap<object, string>();

  r.get('/dashboard', { schema: { tags, summary: 'Students, active now, flagged attempts today, events today (UTC day)', response: { 200: dashboardStatsSchema, ...errors } } },
    async () => teacher.dashboard());

  r.get('/sessions', { schema: { tags, summary: 'Active attempts with counters', response: { 200: z.object({ items: z.array(activeSessionSchema) }), ...errors } } },
    async () => ({ items: await teacher.activeSessions() }));

  r.get('/events', { schema: { tags, summary: 'Events, newest first, with filters and a cursor', querystring: eventsQuerySchema, response: { 200: eventsPageSchema, ...errors } } },
    async (request) => teacher.events(request.query));

  r.get('/students', { schema: { tags, summary: 'Every student: solved, attempts, open flags, tab switches, pastes, worst integrity, last activity', querystring: studentsQuerySchema, response: { 200: z.object({ items: z.array(studentRowSchema) }), ...errors } } },
    async (request, reply) => {
      // One overview array serves every teacher for a couple of seconds (core memoises it): serialise it once
      // per array, not per request (2,000 rows through the response schema cost ~10 ms each time).
      const rows = await teacher.students(request.query);
      let body = studentsJson.get(rows);
      if (body === undefined) studentsJson.set(rows, (body = JSON.stringify({ items: rows })));
      // A string with a JSON content type is sent as it is (Fastify skips the serializer for it).
      return reply.type('application/json; charset=utf-8').send(body as never);
    });

  r.get('/submissions', { schema: { tags, summary: 'Everyone\'s submissions, newest first, with filters', querystring: teacherSubmissionsQuerySchema, response: { 200: pageOf(teacherSubmissionSchema), ...errors } } },
    async (request) => runtime.core.submissions.search(request.query));

  r.get('/students/:id', { schema: { tags, summary: 'A student: attempts with counters, integrity and flags; solved problems', params: idParamSchema, response: { 200: studentDetailSchema, ...errors } } },
    async (request) => teacher.student(request.params.id));

  r.get('/attempts/:id/timeline', { schema: { tags, summary: 'One attempt\'s events and snapshots in order, for playback', params: idParamSchema, response: { 200: attemptTimelineSchema, ...errors } } },
    async (request) => teacher.timeline(request.params.id));

  r.get('/flags', { schema: { tags, querystring: flagsQuerySchema, response: { 200: z.object({ items: z.array(proctorFlagSchema) }), ...errors } } },
    async (request) => ({ items: await teacher.flags(request.query) }));

  r.patch('/flags/:id', { schema: { tags, summary: 'Clear, reopen or annotate a flag (kept in the audit trail)', params: idParamSchema, body: flagReviewBodySchema, response: { 200: proctorFlagSchema, ...errors } } },
    async (request) => teacher.reviewFlag(request.actor!, request.params.id, request.body));

  r.get('/proctor-settings', { schema: { tags, summary: 'The global proctoring rules', response: { 200: proctorSettingsSchema, ...errors } } },
    async () => settings.global());

  r.put('/proctor-settings', { schema: { tags, body: proctorSettingsSchema, response: { 200: proctorSettingsSchema, ...errors } } },
    async (request) => settings.setGlobal(request.actor!, request.body));

  r.get('/problems/:id/proctor-settings', { schema: { tags, params: idParamSchema, response: { 200: problemSettingsViewSchema, ...errors } } },
    async (request) => settings.view(request.params.id));

  r.put('/problems/:id/proctor-settings', { schema: { tags, summary: 'Set (or with null remove) a problem\'s own rules', params: idParamSchema, body: problemSettingsBodySchema, response: { 200: problemSettingsViewSchema, ...errors } } },
    async (request) => settings.setOverride(request.actor!, request.params.id, request.body.override));
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  classListSchema, classProgressQuerySchema, classProgressSchema, classRosterSchema, classStudentParamsSchema, classSummarySchema, createClassBodySchema, errorBodySchema,
  idParamSchema, inviteBodySchema, inviteResultSchema, joinClassBodySchema, okSchema,
} from '@logicode/contracts';
import type { RouteDeps } from '../route-deps.js';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };

/** Classes: teachers own theirs (admins see all); students join by code and see only their own classes. */
export async function classRoutes(app: FastifyInstance, { runtime }: RouteDeps): Promise<void> {
  const { classes } = runtime.core.assessments;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['classes'];
  const staff = app.requireRole('teacher', 'admin');
  app.addHook('onRequest', app.requireAuth);

  r.post('/', { onRequest: staff, schema: { tags, summary: 'Create a class (with a join code)', body: createClassBodySchema, response: { 201: classSummarySchema, ...errors } } },
    async (request, reply) => reply.status(201).send(await classes.create(request.actor!, request.body.name)));

  r.get('/', { schema: { tags, summary: 'Teacher: own classes; admin: all; student: the classes they belong to', response: { 200: classListSchema, ...errors } } },
    async (request) => ({ items: await classes.list(request.actor!) }));

  r.post('/join', { schema: { tags, summary: 'A student joins a class by its code', body: joinClassBodySchema, response: { 200: classSummarySchema, ...errors } } },
    async (request) => classes.join(request.actor!, request.body.code));

  r.get('/:id', { onRequest: staff, schema: { tags, summary: 'The roster and pending invites', params: idParamSchema, response: { 200: classRosterSchema, ...errors } } },
    async (request) => classes.roster(request.actor!, request.params.id));

  r.get('/:id/progress', { onRequest: staff, schema: { tags, summary: 'Problems solved per day by the class\'s students (for the progress chart)', params: idParamSchema, querystring: classProgressQuerySchema, response: { 200: classProgressSchema, ...errors } } },
    async (request) => runtime.core.activity.classProgress(request.actor!, request.params.id, request.query));

  r.post('/:id/invites', { onRequest: staff, schema: { tags, summary: 'Invite students by email (accounts are added now, other emails wait)', params: idParamSchema, body: inviteBodySchema, response: { 200: inviteResultSchema, ...errors } } },
    async (request) => classes.invite(request.actor!, request.params.id, request.body.emails));

  r.delete('/:id/students/:userId', { onRequest: staff, schema: { tags, summary: 'Remove a student from the class', params: classStudentParamsSchema, response: { 200: okSchema, ...errors } } },
    async (request) => {
      await classes.removeStudent(request.actor!, request.params.id, request.params.userId);
      return { ok: true as const };
    });
}

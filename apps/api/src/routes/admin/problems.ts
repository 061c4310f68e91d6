import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  archivedProblemSchema, errorBodySchema, markLegacyCheckers, idParamSchema, languageIdSchema, okSchema, pathIdSchema, problemAdminSchema, problemPackageSchema, problemUpsertBodySchema,
  referenceSolutionSchema, testCaseInputSchema, testCaseSchema,
} from '@logicode/contracts';
import type { RouteDeps } from '../route-deps.js';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema, 422: errorBodySchema };
const testParams = z.object({ id: pathIdSchema, testId: pathIdSchema });
const solutionParams = z.object({ id: pathIdSchema, language: languageIdSchema });

/** Problem authoring. Every route here is admin-only (the plugin's hook). */
export async function adminProblemRoutes(app: FastifyInstance, { runtime }: RouteDeps): Promise<void> {
  const { problems } = runtime.core;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['admin'];

  // Registered before '/:id' reads it as an id (a 400 now that path ids are strict).
  r.get('/archived', { schema: { tags, summary: 'Archived problems (to restore or purge)', response: { 200: z.array(archivedProblemSchema), ...errors } } },
    async () => problems.listArchived());

  r.get('/:id', { schema: { tags, params: idParamSchema, response: { 200: problemAdminSchema, ...errors } } },
    async (request) => problems.getAdmin(request.params.id));

  r.post('/', { schema: { tags, summary: 'Create a problem (reference solutions are run first)', body: problemUpsertBodySchema, response: { 201: problemAdminSchema, ...errors } } },
    async (request, reply) => reply.status(201).send(await problems.create(request.body, request.actor!)));

  r.put('/:id', { schema: { tags, params: idParamSchema, body: problemUpsertBodySchema, response: { 200: problemAdminSchema, ...errors } } },
    async (request) => problems.update(request.params.id, request.body));

  // Deleting archives: students' submissions, attempts and plagiarism pairs are never destroyed by a click.
  r.delete('/:id', { schema: { tags, summary: 'Archive a problem (hidden from students and new assessments; everything that refers to it kept)', params: idParamSchema, response: { 200: okSchema, ...errors } } },
    async (request) => {
      await problems.archive(request.params.id);
      return { ok: true as const };
    });

  r.post('/:id/restore', { schema: { tags, summary: 'Restore an archived problem (as an unpublished draft)', params: idParamSchema, response: { 200: okSchema, ...errors } } },
    async (request) => {
      await problems.restore(request.params.id);
      return { ok: true as const };
    });

  r.delete('/:id/purge', { schema: { tags, summary: 'Delete an archived problem that nothing refers to (409 PROBLEM_IN_USE otherwise)', params: idParamSchema, response: { 200: okSchema, ...errors } } },
    async (request) => {
      await problems.purge(request.params.id);
      return { ok: true as const };
    });

  r.get('/:id/export', { schema: { tags, summary: 'The problem as one JSON package', params: idParamSchema, response: { 200: problemPackageSchema, ...errors } } },
    async (request) => problems.exportPackage(request.params.id));

  r.post('/import', {
    schema: { tags, summary: 'Create a problem from a JSON package', body: problemPackageSchema, response: { 201: problemAdminSchema, ...errors } },
    // A package exported before migration 0180 has custom checkers without a protocol: they are legacy (exit 0/1).
    preValidation: async (request) => {
      request.body = markLegacyCheckers(request.body);
    },
  },
    async (request, reply) => reply.status(201).send(await problems.importPackage(request.body, request.actor!)));

  r.post('/:id/tests', { schema: { tags, params: idParamSchema, body: testCaseInputSchema, response: { 201: testCaseSchema, ...errors } } },
    async (request, reply) => reply.status(201).send(await problems.addTest(request.params.id, request.body)));

  r.put('/:id/tests/:testId', { schema: { tags, params: testParams, body: testCaseInputSchema, response: { 200: testCaseSchema, ...errors } } },
    async (request) => problems.updateTest(request.params.id, request.params.testId, request.body));

  r.delete('/:id/tests/:testId', { schema: { tags, params: testParams, response: { 200: okSchema, ...errors } } },
    async (request) => {
      await problems.deleteTest(request.params.id, request.params.testId);
      return { ok: true as const };
    });

  r.put('/:id/solutions/:language', {
    schema: { tags, params: solutionParams, body: referenceSolutionSchema.pick({ source: true }), response: { 200: referenceSolutionSchema, ...errors } },
  }, async (request) => problems.putSolution(request.params.id, { language: request.params.language, source: request.body.source }));

  r.delete('/:id/solutions/:language', { schema: { tags, params: solutionParams, response: { 200: okSchema, ...errors } } },
    async (request) => {
      await problems.deleteSolution(request.params.id, request.params.language);
      return { ok: true as const };
    });
}

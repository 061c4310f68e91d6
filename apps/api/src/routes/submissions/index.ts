import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  createSubmissionBodySchema, createSubmissionResponseSchema, errorBodySchema, idParamSchema, pageOf, submissionListQuerySchema,
  submissionSchema, submissionSummarySchema,
} from '@logicode/contracts';
import { z } from 'zod';
import type { RouteDeps } from '../route-deps.js';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 422: errorBodySchema, 429: errorBodySchema };
const listQuery = submissionListQuerySchema.extend({ userId: z.coerce.number().int().positive().optional() });

export async function submissionRoutes(app: FastifyInstance, { runtime }: RouteDeps): Promise<void> {
  const { submissions } = runtime.core;
  const r = app.withTypeProvider<ZodTypeProvider>();
  app.addHook('onRequest', app.requireAuth);

  r.post('/', {
    schema: {
      tags: ['submissions'],
      summary: 'Run (sample tests + optional custom input) or Submit (every test); judged asynchronously',
      body: createSubmissionBodySchema,
      response: { 202: createSubmissionResponseSchema, ...errors },
    },
  }, async (request, reply) => {
    const { id } = await submissions.create(request.actor!, request.body);
    return reply.status(202).header('location', `/api/submissions/${id}`).send({ id, status: 'queued' as const });
  });

  r.get('/:id', {
    schema: { tags: ['submissions'], summary: 'One submission with per-test results', params: idParamSchema, response: { 200: submissionSchema, ...errors } },
  }, async (request) => submissions.get(request.actor!, request.params.id));

  r.get('/', {
    schema: {
      tags: ['submissions'],
      summary: 'The caller\'s submissions (staff may pass userId)',
      querystring: listQuery,
      response: { 200: pageOf(submissionSummarySchema), ...errors },
    },
  }, async (request) => submissions.list(request.actor!, request.query));
}

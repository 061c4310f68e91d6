import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  errorBodySchema, idParamSchema, plagiarismPairDetailSchema, plagiarismReportQuerySchema, plagiarismReportSchema,
  plagiarismRunAcceptedSchema, plagiarismRunBodySchema,
} from '@logicode/contracts';
import type { RouteDeps } from '../route-deps.js';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };

/** Plagiarism reports under /api/teacher (teachers and admins). Runs are computed by the worker, never here. */
export async function plagiarismRoutes(app: FastifyInstance, { runtime }: RouteDeps): Promise<void> {
  const { reports } = runtime.core.plagiarism;
  app.addHook('onRequest', app.requireRole('teacher', 'admin'));
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['plagiarism'];

  r.post('/problems/:id/plagiarism', {
    schema: { tags, summary: 'Queue a plagiarism run of the problem (or return the one already queued)', params: idParamSchema, body: plagiarismRunBodySchema, response: { 202: plagiarismRunAcceptedSchema, ...errors } },
  }, async (request, reply) => reply.status(202).send(await reports.requestRun(request.actor!, request.params.id, request.body)));

  r.get('/problems/:id/plagiarism', {
    schema: { tags, summary: 'The latest run and the ranked pairs, filtered by language and minimum similarity', params: idParamSchema, querystring: plagiarismReportQuerySchema, response: { 200: plagiarismReportSchema, ...errors } },
  }, async (request) => reports.report(request.actor!, request.params.id, request.query));

  r.get('/plagiarism/pairs/:id', {
    schema: { tags, summary: 'One pair: both sources and the matched regions, for a side-by-side view', params: idParamSchema, response: { 200: plagiarismPairDetailSchema, ...errors } },
  }, async (request) => reports.pair(request.actor!, request.params.id));
}

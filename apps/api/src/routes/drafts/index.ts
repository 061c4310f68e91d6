import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { draftParamsSchema, draftResponseSchema, errorBodySchema, putDraftBodySchema } from '@logicode/contracts';
import type { RouteDeps } from '../route-deps.js';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema, 413: errorBodySchema, 422: errorBodySchema, 429: errorBodySchema };
// 100,000 characters of code, up to 4 bytes each in UTF-8 and escaped in JSON: well under 1 MiB.
const DRAFT_BODY_LIMIT_BYTES = 1024 * 1024;

/** The caller's own drafts, per problem and language (core/submissions/drafts-service.ts). */
export async function draftRoutes(app: FastifyInstance, { runtime }: RouteDeps): Promise<void> {
  const { drafts } = runtime.core;
  const r = app.withTypeProvider<ZodTypeProvider>();
  app.addHook('onRequest', app.requireAuth);

  r.get('/:problemId/:language', {
    schema: { tags: ['drafts'], summary: 'The caller\'s draft of a problem in a language (draft: null if none)', params: draftParamsSchema, response: { 200: draftResponseSchema, ...errors } },
  }, async (request) => ({ draft: await drafts.get(request.actor!, request.params) }));

  r.put('/:problemId/:language', {
    bodyLimit: DRAFT_BODY_LIMIT_BYTES,
    schema: {
      tags: ['drafts'],
      summary: 'Save the caller\'s draft; 409 CONFLICT (details.draft = the stored one) when another device saved since baseVersion',
      params: draftParamsSchema, body: putDraftBodySchema, response: { 200: draftResponseSchema, ...errors },
    },
  }, async (request) => ({ draft: await drafts.put(request.actor!, request.params, request.body) }));
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  errorBodySchema, idParamSchema, LANGUAGE_IDS, pageOf, problemDetailSchema, problemListQuerySchema, problemStatsSchema, problemSummarySchema,
} from '@logicode/contracts';
import { sendPreparedJson } from '../json-body.js';
import type { RouteDeps } from '../route-deps.js';

const metaSchema = z.object({
  categories: z.array(z.string()),
  difficulties: z.array(z.string()),
  tags: z.array(z.string()),
  languages: z.array(z.object({ id: z.enum(LANGUAGE_IDS), name: z.string(), monacoId: z.string(), fileExtension: z.string() })),
});

export async function problemRoutes(app: FastifyInstance, { runtime }: RouteDeps): Promise<void> {
  const { problems } = runtime.core;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/', {
    schema: {
      tags: ['problems'],
      summary: 'Search and filter the catalog',
      querystring: problemListQuerySchema,
      response: { 200: pageOf(problemSummarySchema), 400: errorBodySchema, 401: errorBodySchema },
    },
  }, async (request, reply) => {
    // Hot path: the cached page's bytes with the caller's flags filled in; "only what I solved" is built per request.
    const prepared = await problems.listJson(request.query, request.actor);
    if (prepared) return sendPreparedJson(request, reply, prepared);
    return problems.list(request.query, request.actor);
  });

  r.get('/stats', {
    schema: {
      tags: ['problems'],
      summary: 'Acceptance counts per problem; for a signed-in caller, the problems they submitted to',
      response: { 200: problemStatsSchema },
    },
  }, async (request) => problems.stats(request.actor));

  r.get('/meta', {
    schema: { tags: ['problems'], summary: 'Categories, difficulties, tags and languages', response: { 200: metaSchema } },
  }, async () => problems.meta());

  r.get('/:id', {
    schema: {
      tags: ['problems'],
      summary: 'A problem as a student sees it (sample tests only)',
      params: idParamSchema,
      response: { 200: problemDetailSchema, 404: errorBodySchema },
    },
  }, async (request, reply) => {
    const proctored = runtime.core.proctoring.settings.forProblem(request.params.id).then((settings) => settings.enabled);
    // Awaited by detailJson unless the problem is missing; then its outcome does not matter.
    proctored.catch(() => undefined);
    return sendPreparedJson(request, reply, await problems.detailJson(request.params.id, request.actor, { proctored }));
  });

  // A package statement's images (docs/problem-packages.md): to whoever may see the problem, from its statement
  // folder only. An SVG opened on its own runs no script: a CSP with no script source, and no sniffing.
  r.get('/:id/package-files/*', {
    schema: { tags: ['problems'], summary: "A file of an imported problem's statement (an image)", params: z.object({ id: idParamSchema.shape.id, '*': z.string().max(255) }), response: { 200: z.any(), 404: errorBodySchema } },
  }, async (request, reply) => {
    // An unpublished problem's images reach the students of an assessment that holds it while their attempt runs
    // (they see its statement there): the taking service's rule, not a second one here.
    await problems.detail(request.params.id, request.actor).catch(async (error: unknown) => {
      if (!request.actor || !(await runtime.core.assessments.taking.mayReadStatement(request.actor, request.params.id))) throw error;
    });
    const file = await runtime.core.packages.statementFile(request.params.id, request.params['*']);
    void reply.header('content-type', file.contentType).header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox")
      .header('x-content-type-options', 'nosniff').header('cache-control', 'private, max-age=300');
    return reply.send(file.content);
  });
}

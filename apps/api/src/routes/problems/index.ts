import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  errorBodySchema, idParamSchema, LANGUAGE_IDS, pageOf, problemDetailSchema, problemListQuerySchema, problemSummarySchema,
} from '@logicode/contracts';
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
  }, async (request) => problems.list(request.query, request.actor));

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
  }, async (request) => {
    const [detail, settings] = await Promise.all([
      problems.detail(request.params.id, request.actor),
      runtime.core.proctoring.settings.effective(request.params.id),
    ]);
    return { ...detail, proctored: settings.enabled };
  });
}

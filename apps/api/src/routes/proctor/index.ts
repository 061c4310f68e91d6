import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  errorBodySchema, heartbeatResponseSchema, idParamSchema, languageIdSchema, proctorBatchBodySchema,
  proctorBatchResponseSchema, startAttemptBodySchema, startAttemptResponseSchema,
} from '@logicode/contracts';
import type { RouteDeps } from '../route-deps.js';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 404: errorBodySchema, 413: errorBodySchema, 429: errorBodySchema };
const heartbeatBodySchema = z.object({ language: languageIdSchema.optional() }).nullish();

/**
 * The student side of proctoring: attempts (start, heartbeat, end) and event batches. Every route needs a
 * signed-in user; what counts as a violation is decided by the server, never by these bodies.
 */
export async function proctorRoutes(app: FastifyInstance, { runtime }: RouteDeps): Promise<void> {
  const { proctoring } = runtime.core;
  app.addHook('onRequest', app.requireAuth);
  // navigator.sendBeacon(url, string) sends text/plain; treat it as JSON here (only in this plugin's scope).
  app.addContentTypeParser('text/plain', { parseAs: 'string' }, (_request, body, done) => {
    const text = body.toString();
    if (text === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch {
      const error = Object.assign(new Error('The request body is not valid JSON.'), { statusCode: 400 });
      done(error, undefined);
    }
  });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['proctoring'];

  r.post('/events', {
    schema: {
      tags,
      summary: 'A batch of proctoring events (at most 200 events, 1 MiB; optional sentAtMs, the client clock at sending). 202 once durable; events that are invalid, not of the caller\'s attempt, or outside its window are listed in `rejected`.',
      body: proctorBatchBodySchema,
      response: { 202: proctorBatchResponseSchema, ...errors },
    },
  }, async (request, reply) => {
    const result = await proctoring.ingest.accept(request.actor!, request.body.events, { sentAtMs: request.body.sentAtMs });
    return reply.status(202).send(result);
  });

  r.post('/attempts', {
    schema: {
      tags, summary: 'Open (or resume) an attempt at a problem; a timed problem\'s deadline is set once, by the server.',
      body: startAttemptBodySchema, response: { 200: startAttemptResponseSchema, ...errors },
    },
  }, async (request) => proctoring.attempts.start(request.actor!, request.body.problemId));

  r.post('/attempts/:id/heartbeat', {
    schema: {
      tags, summary: 'Keep an attempt alive (every ~25 s). After 90 s without one it shows as disconnected; only untimed practice ends (timeout)',
      params: idParamSchema, body: heartbeatBodySchema, response: { 200: heartbeatResponseSchema, ...errors },
    },
  }, async (request) => proctoring.attempts.heartbeat(request.actor!, request.params.id, request.body?.language ?? null));

  r.post('/attempts/:id/end', {
    schema: {
      tags, summary: 'End an attempt (the page is closing: sendBeacon)',
      params: idParamSchema, response: { 200: heartbeatResponseSchema, ...errors },
    },
  }, async (request) => proctoring.attempts.leave(request.actor!, request.params.id));

  r.post('/attempts/:id/finish', {
    schema: {
      tags, summary: 'Finish a timed problem early (after its Submit): the attempt ends as submitted, for good. 409 for an assessment\'s attempt or one already over',
      params: idParamSchema, response: { 200: heartbeatResponseSchema, ...errors, 409: errorBodySchema },
    },
  }, async (request) => proctoring.attempts.finish(request.actor!, request.params.id));
}

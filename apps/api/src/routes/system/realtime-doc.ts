import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { AppError } from '@logicode/contracts';

/** docs/realtime.md of the repository (the container image copies docs/ beside apps/). */
const REALTIME_DOC = fileURLToPath(new URL('../../../../../docs/realtime.md', import.meta.url));

/**
 * GET /docs/realtime: the Socket.IO reference (events, payloads, rooms) beside the OpenAPI page at /docs, which
 * covers REST only and links here. Served as the Markdown it is written in; read per request (rarely asked for).
 */
export async function realtimeDocRoutes(app: FastifyInstance): Promise<void> {
  app.get('/docs/realtime', { schema: { hide: true } }, async (_request, reply) => {
    const text = await readFile(REALTIME_DOC, 'utf8').catch(() => null);
    if (text === null) throw new AppError('NOT_FOUND', 'The real-time API document is not installed with this copy (docs/realtime.md).');
    return reply.type('text/plain; charset=utf-8').header('cache-control', 'no-cache').send(text);
  });
}

import type { FastifyReply, FastifyRequest } from 'fastify';

/** Response bytes built once (see packages/core/src/problems/problem-json.ts) with their validator. */
export interface PreparedJson {
  body: string | Buffer;
  etag: string;
}

/**
 * Sends already serialised JSON: a string or Buffer with a JSON content type passes Fastify's response serializer
 * untouched (the bytes were checked against the response schema when they were built). A browser revalidates
 * with If-None-Match and gets a bodiless 304; a signed-in caller's copy is private (it carries their flags).
 */
export function sendPreparedJson(request: FastifyRequest, reply: FastifyReply, prepared: PreparedJson): FastifyReply {
  void reply
    .header('etag', prepared.etag)
    .header('cache-control', request.actor ? 'private, no-cache' : 'public, no-cache')
    .header('vary', 'authorization');
  if (request.headers['if-none-match'] === prepared.etag) return reply.code(304).send();
  return reply.type('application/json; charset=utf-8').send(prepared.body);
}

/** Sends JSON text or bytes as is (either passes the response serializer); for bodies built from typed values. */
export function sendJsonText(reply: FastifyReply, text: string | Buffer): FastifyReply {
  return reply.type('application/json; charset=utf-8').send(text);
}

import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, ERROR_CODES, type ErrorBody, type ErrorCode } from '@logicode/contracts';
import { POOL_BUSY_CODES } from '@logicode/db';
import { isRedisUnavailable, REDIS_DOWN_RETRY_AFTER_SEC } from '@logicode/platform';

/** Fastify's own error codes → our catalog. Anything else under 500 is a validation problem of the request. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION',
};

/** A saturated database pool is asked to be retried after this long (the pool drains in well under it). */
const POOL_BUSY_RETRY_AFTER_SEC = 1;

/** The pool's refusal, as thrown or as the cause of a wrapping error. */
function isPoolBusy(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 4; e = (e as { cause?: unknown }).cause, depth += 1) {
    if ((POOL_BUSY_CODES as readonly unknown[]).includes((e as { code?: unknown }).code)) return true;
  }
  return false;
}

function bodyOf(code: ErrorCode, message?: string, details?: unknown): ErrorBody {
  const body: ErrorBody = { statusCode: ERROR_CODES[code].statusCode, code, message: message ?? ERROR_CODES[code].message };
  if (details !== undefined) body.details = details;
  return body;
}

/** Maps every error to `{ statusCode, code, message, details? }`; 5xx are logged in full and answered generically. */
export function toErrorBody(error: FastifyError | AppError | Error): ErrorBody {
  if (error instanceof AppError) return error.toBody();
  if (isPoolBusy(error)) return bodyOf('UNAVAILABLE', 'The database is busy; try again in a moment.', { retryAfterSec: POOL_BUSY_RETRY_AFTER_SEC });
  // Redis away (scaled mode): a fast 503 the client retries (the browser's event queue keeps its batch), not a 500.
  if (isRedisUnavailable(error)) return bodyOf('UNAVAILABLE', 'The service is briefly unavailable; try again shortly.', { retryAfterSec: REDIS_DOWN_RETRY_AFTER_SEC });
  const fastifyError = error as FastifyError;
  if (hasZodFastifySchemaValidationErrors(fastifyError)) {
    const details = fastifyError.validation.map((issue) => ({
      path: issue.instancePath.replace(/^\//, '').replaceAll('/', '.') || fastifyError.validationContext || '',
      message: issue.message ?? 'is not valid',
    }));
    const first = details[0];
    const where = fastifyError.validationContext ?? 'request';
    return bodyOf('VALIDATION', first ? `Invalid ${where}: ${first.path ? `${first.path}: ` : ''}${first.message}` : undefined, details);
  }
  const mapped = fastifyError.code ? FASTIFY_CODES[fastifyError.code] : undefined;
  if (mapped) return bodyOf(mapped);
  if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    if (fastifyError.statusCode === 413) return bodyOf('PAYLOAD_TOO_LARGE');
    if (fastifyError.statusCode === 415) return bodyOf('UNSUPPORTED_MEDIA_TYPE');
    if (fastifyError.statusCode === 429) return bodyOf('RATE_LIMITED');
    return bodyOf('VALIDATION', fastifyError.message);
  }
  return bodyOf('INTERNAL');
}

export const errorHandlerPlugin = fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      const body = toErrorBody(error);
      if (body.code === 'UNAVAILABLE') request.log.warn({ err: error }, 'request refused: busy')
      else if (body.statusCode >= 500) request.log.error({ err: error }, 'request failed');
      else request.log.info({ code: body.code, message: error.message }, 'request refused');
      if (body.code === 'RATE_LIMITED' || body.code === 'UNAVAILABLE') {
        const retry = (body.details as { retryAfterSec?: number } | undefined)?.retryAfterSec;
        if (retry) void reply.header('retry-after', String(retry));
      }
      return reply.status(body.statusCode).send(body);
    });
  },
  { name: 'error-handler' },
);

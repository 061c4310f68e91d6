// Redis connections that a request waits on (rate limits, event appends, the cache, queue adds). ioredis's
// defaults queue a command while Redis is away and retry it for 20 reconnects: requests hung for up to 40 s and
// some ended as 500 (issue 15). With these, a command fails after one failed reconnect or 2.5 s, and the api
// answers 503 with Retry-After (isRedisUnavailable). Blocking readers (the stream consumer, BullMQ workers) keep
// their own, patient settings.
export const REQUEST_PATH_REDIS_OPTIONS = { maxRetriesPerRequest: 1, commandTimeout: 2500 } as const;

/** How long a client should wait before trying again while Redis is away. */
export const REDIS_DOWN_RETRY_AFTER_SEC = 5;

/** Whether an error means Redis could not be reached (not a bug): answered 503 + Retry-After, not 500. */
export function isRedisUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'MaxRetriesPerRequestError') return true;
  return /Command timed out|Connection is closed|Stream isn't writeable|max retries per request|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH/.test(error.message);
}

// "202 means durable" in scaled mode rests on Redis keeping what it acknowledged: the proctoring event stream and
// the judge queue live there. A Redis without AOF loses them on a restart (issue 15: 1,620 acknowledged events and
// 5 queued submissions were lost). Checked at start by REDIS_PERSISTENCE_CHECK (docs/scale-out.md).
import { Redis } from 'ioredis';

/** refuse: do not start; warn: log loudly and answer not-ready (/readyz 503); log: log loudly only; off: no check. */
export const REDIS_PERSISTENCE_POLICIES = ['refuse', 'warn', 'log', 'off'] as const;
export type RedisPersistencePolicy = (typeof REDIS_PERSISTENCE_POLICIES)[number];

export interface RedisPersistence {
  /** True when Redis appends every write to its AOF (appendonly yes). */
  durable: boolean;
  /** What was found, for the log and the error: e.g. "appendonly no, save ''" or "CONFIG is not allowed". */
  detail: string;
}

/** Asks Redis how it persists (CONFIG GET appendonly/appendfsync/save). A Redis that hides CONFIG counts as unknown. */
export async function readRedisPersistence(redisUrl: string, timeoutMs = 3000): Promise<RedisPersistence> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: timeoutMs, commandTimeout: timeoutMs, enableOfflineQueue: false });
  try {
    await redis.connect();
    const get = async (key: string) => ((await redis.config('GET', key)) as string[])[1] ?? '';
    const [appendonly, appendfsync, save] = [await get('appendonly'), await get('appendfsync'), await get('save')];
    const detail = `appendonly ${appendonly}, appendfsync ${appendfsync || '?'}, save '${save}'`;
    return { durable: appendonly === 'yes', detail };
  } catch (error) {
    return { durable: false, detail: `could not read the persistence settings (${error instanceof Error ? error.message : String(error)})` };
  } finally {
    redis.disconnect();
  }
}

export const REDIS_NOT_DURABLE_MESSAGE =
  'Redis does not persist what it acknowledges (needs appendonly yes): a Redis restart would lose accepted proctoring '
  + 'events and queued submissions. Turn AOF on (docs/scale-out.md), or set REDIS_PERSISTENCE_CHECK.';

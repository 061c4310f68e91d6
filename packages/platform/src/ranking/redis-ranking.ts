import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Ranked, RankedEntry, Ranking } from './ranking.js';

export interface RedisRankingOptions {
  redisUrl: string;
  /** Keys live under `<prefix>ranking:<name>:`. */
  prefix: string;
  name: string;
  maxAgeMs: number;
}

// The sorted set holds members "<tieBreak>:<id>" (zero-padded) with the negated score: ZRANGE ascending then
// gives the highest score first and, for equal scores, the earlier tie-break and the lower id first, exactly
// compareRanked. The hash maps id -> {m: member, s: score, t: tieBreak, d: data}.
const member = (e: { id: number; tieBreak: number }) => `${String(Math.max(0, Math.floor(e.tieBreak))).padStart(16, '0')}:${String(e.id).padStart(12, '0')}`;

/** KEYS: set, hash, ready, generation. ARGV: id, member, negated score, hash value. */
const UPSERT = `
redis.call('INCR', KEYS[4])
if redis.call('EXISTS', KEYS[3]) == 0 then return 0 end
local old = redis.call('HGET', KEYS[2], ARGV[1])
if old then redis.call('ZREM', KEYS[1], cjson.decode(old).m) end
redis.call('ZADD', KEYS[1], ARGV[3], ARGV[2])
redis.call('HSET', KEYS[2], ARGV[1], ARGV[4])
return 1`;

/** KEYS: set, hash, ready, generation, staged set, staged hash. ARGV: token, max age ms, staged count. */
const COMMIT = `
if (redis.call('GET', KEYS[4]) or '0') ~= ARGV[1] then
  redis.call('DEL', KEYS[5], KEYS[6])
  return 0
end
if tonumber(ARGV[3]) > 0 then
  redis.call('RENAME', KEYS[5], KEYS[1])
  redis.call('RENAME', KEYS[6], KEYS[2])
else
  redis.call('DEL', KEYS[1], KEYS[2])
end
redis.call('SET', KEYS[3], '1', 'PX', ARGV[2])
return 1`;

type RankingRedis = Redis & {
  rankingUpsert(set: string, hash: string, ready: string, gen: string, id: string, member: string, score: number, value: string): Promise<number>;
  rankingCommit(set: string, hash: string, ready: string, gen: string, stagedSet: string, stagedHash: string, token: string, maxAgeMs: number, count: number): Promise<number>;
};

/**
 * A ranking every process shares: a Redis sorted set and a hash. Upserts are atomic (Lua) and count as a new
 * generation, so a fill that read the database before an upsert is discarded rather than undoing it.
 */
export function createRedisRanking<T>(options: RedisRankingOptions): Ranking<T> {
  const redis = new Redis(options.redisUrl, { maxRetriesPerRequest: 2 }) as RankingRedis;
  redis.defineCommand('rankingUpsert', { numberOfKeys: 4, lua: UPSERT });
  redis.defineCommand('rankingCommit', { numberOfKeys: 6, lua: COMMIT });
  const base = `${options.prefix}ranking:${options.name}:`;
  const keys = { set: `${base}set`, hash: `${base}hash`, ready: `${base}ready`, gen: `${base}generation` };
  const valueOf = (e: RankedEntry<T>) => JSON.stringify({ m: member(e), s: e.score, t: e.tieBreak, d: e.data });
  const parse = (id: number, raw: string, rank: number): Ranked<T> => {
    const v = JSON.parse(raw) as { s: number; t: number; d: T };
    return { id, score: v.s, tieBreak: v.t, data: v.d, rank };
  };
  const idOf = (m: string) => Number(m.slice(m.indexOf(':') + 1));

  return {
    async ready() {
      return (await redis.exists(keys.ready)) === 1;
    },
    async beginFill() {
      return (await redis.get(keys.gen)) ?? '0';
    },
    async replace(entries, token) {
      const staged = `${base}staged:${randomBytes(6).toString('hex')}`;
      const stagedSet = `${staged}:set`;
      const stagedHash = `${staged}:hash`;
      for (let i = 0; i < entries.length; i += 1000) {
        const chunk = entries.slice(i, i + 1000);
        const pipeline = redis.pipeline();
        pipeline.zadd(stagedSet, ...chunk.flatMap((e) => [-e.score, member(e)]));
        pipeline.hset(stagedHash, Object.fromEntries(chunk.map((e) => [String(e.id), valueOf(e)])));
        pipeline.pexpire(stagedSet, 60_000).pexpire(stagedHash, 60_000);
        await pipeline.exec();
      }
      const committed = await redis.rankingCommit(keys.set, keys.hash, keys.ready, keys.gen, stagedSet, stagedHash, token, options.maxAgeMs, entries.length);
      return committed === 1;
    },
    async upsert(entry) {
      await redis.rankingUpsert(keys.set, keys.hash, keys.ready, keys.gen, String(entry.id), member(entry), -entry.score, valueOf(entry));
    },
    async page(offset, count) {
      const [[, members], [, total]] = (await redis.multi().zrange(keys.set, offset, offset + count - 1).zcard(keys.set).exec()) as [[unknown, string[]], [unknown, number]];
      if (members.length === 0) return { entries: [], total };
      const ids = members.map(idOf);
      const values = await redis.hmget(keys.hash, ...ids.map(String));
      const entries = values.flatMap((raw, i) => (raw === null ? [] : [parse(ids[i]!, raw, offset + i + 1)]));
      return { entries, total };
    },
    async get(id) {
      const raw = await redis.hget(keys.hash, String(id));
      if (raw === null) return null;
      const rank = await redis.zrank(keys.set, (JSON.parse(raw) as { m: string }).m);
      return rank === null ? null : parse(id, raw, rank + 1);
    },
    async close() {
      if (redis.status === 'ready') await redis.quit();
      else redis.disconnect();
    },
  };
}

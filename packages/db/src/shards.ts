import { CamelCasePlugin, Kysely, MysqlDialect } from 'kysely';
import { createMysqlPool, type PoolStats } from './mysql-pool.js';
import type { DbConfig } from './db-config.js';
import type { Database } from './schema.js';
import type { ShardDatabase } from './tables/shard-folding.js';

/**
 * Where the high-volume proctoring tables (proctor_events, code_snapshots) live. With DATABASE_SHARD_URLS they
 * are spread over N databases by user id; without, the router has one "shard": the main database itself, so
 * callers use one code path either way.
 */
export interface ShardRouter {
  /** True when the event tables live on shard databases, apart from the main one. */
  readonly sharded: boolean;
  readonly count: number;
  /** The shard a user's events and snapshots live on. */
  indexOf(userId: number): number;
  forUser(userId: number): Kysely<Database>;
  /** Every shard, in index order: for scatter-gather reads and per-shard maintenance. */
  all(): readonly Kysely<Database>[];
  /** A shard with its shard-only tables (sharded mode): the event writer numbers events there. */
  folding(index: number): Kysely<ShardDatabase>;
  /** Each shard pool's gauges (empty without shards: the main pool is reported as the primary). */
  poolStats(): PoolStats[];
  close(): Promise<void>;
}

/**
 * userId mod N. User ids are sequential integers, so the modulo spreads users evenly without hashing (a hash
 * would spread them no better and move just as many users when N changes). The mapping depends only on N:
 * changing the number of shards moves most users, so resharding means copying their rows first (see
 * docs/scale-out.md).
 */
export function shardIndexOf(userId: number, count: number): number {
  return ((userId % count) + count) % count;
}

function singleDatabase(main: Kysely<Database>): ShardRouter {
  return {
    sharded: false,
    count: 1,
    indexOf: () => 0,
    forUser: () => main,
    all: () => [main],
    folding: () => {
      throw new Error('No shard databases are configured (DATABASE_SHARD_URLS).');
    },
    poolStats: () => [],
    close: async () => undefined,
  };
}

/** Opens one pool per shard URL with the main pool's settings; without shard URLs, routes to `main`. */
export function openShards(config: DbConfig, main: Kysely<Database>): ShardRouter {
  const urls = config.shardUrls ?? [];
  if (urls.length === 0) return singleDatabase(main);
  const pools = urls.map((url) => createMysqlPool({ ...config, url }));
  const shards = pools.map((handle) => new Kysely<Database>({ dialect: new MysqlDialect({ pool: handle.pool }), plugins: [new CamelCasePlugin()] }));
  return {
    sharded: true,
    count: shards.length,
    indexOf: (userId) => shardIndexOf(userId, shards.length),
    forUser: (userId) => shards[shardIndexOf(userId, shards.length)]!,
    all: () => shards,
    // The same connection pool; the type adds the shard-only columns and table (migrations/shard/).
    folding: (index) => shards[index]! as unknown as Kysely<ShardDatabase>,
    poolStats: () => pools.map((handle) => handle.stats()),
    close: async () => {
      await Promise.all(shards.map((shard) => shard.destroy()));
    },
  };
}

// Test support: a fresh, migrated database per suite on each dialect (Kysely's own discipline: every DB
// test runs against real SQLite and real MariaDB). Imported by tests only, via '@logicode/db/testing'.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, type DbHandle } from './create-db.js';
import { DEFAULT_POOL, type DbConfig, type DialectName } from './db-config.js';
import { migrateToLatest } from './migrate.js';
import { ensureMysqlDatabase, ensureMysqlDatabases } from './mysql-pool.js';

export const TEST_DIALECTS: readonly DialectName[] = ['sqlite', 'mysql'];

/** The machine's MariaDB; override with LOGICODE_TEST_MYSQL_URL (server URL without a database). */
// eslint-disable-next-line no-restricted-properties -- test harness configuration
const MYSQL_SERVER = (process.env.LOGICODE_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306').replace(/\/$/, '');

export interface TestDatabase {
  config: DbConfig;
  handle: DbHandle;
  /** Closes the connection and drops the database (or deletes the SQLite file). */
  drop(): Promise<void>;
}

/** Where a fresh database lives and how to get rid of it, per dialect. */
async function provision(dialect: DialectName): Promise<{ config: DbConfig; remove: () => Promise<void> }> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'logicode-test-'));
    return {
      config: { url: `sqlite:${join(dir, 'test.db')}`, pool: DEFAULT_POOL },
      remove: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `lc_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const config: DbConfig = { url: `${MYSQL_SERVER}/${name}`, pool: { ...DEFAULT_POOL, connectionLimit: 5 } };
  await ensureMysqlDatabase(config.url);
  return {
    config,
    remove: async () => {
      const { createConnection } = await import('mysql2/promise');
      const connection = await createConnection({ uri: MYSQL_SERVER });
      await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await connection.end();
    },
  };
}

/** A new, empty, migrated database of the given dialect. */
export async function createTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  const { config, remove } = await provision(dialect);
  const handle = createDb(config);
  await migrateToLatest(handle);
  return {
    config,
    handle,
    drop: async () => {
      await handle.close();
      await remove();
    },
  };
}

export interface ShardedTestUrls {
  /** The main database (DATABASE_URL). */
  url: string;
  /** The shard databases (DATABASE_SHARD_URLS), in shard order: query them directly to see where rows landed. */
  shardUrls: string[];
  /** Drops the main and every shard database (whether or not they were ever created). */
  drop(): Promise<void>;
}

/**
 * Names for a main database and `shardCount` shards on the machine's MariaDB (`logicode_shard_test_<rand>_<i>`),
 * not created yet: a runtime started on them creates and migrates them as in production.
 */
export function shardedTestUrls(shardCount: number): ShardedTestUrls {
  const tag = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const names = [`logicode_shard_test_${tag}_main`, ...Array.from({ length: shardCount }, (_, i) => `logicode_shard_test_${tag}_${i}`)];
  const [url, ...shardUrls] = names.map((name) => `${MYSQL_SERVER}/${name}`);
  return {
    url: url!,
    shardUrls,
    drop: async () => {
      const { createConnection } = await import('mysql2/promise');
      const connection = await createConnection({ uri: MYSQL_SERVER });
      try {
        for (const name of names) await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
      } finally {
        await connection.end();
      }
    },
  };
}

export interface ShardedTestDatabase extends TestDatabase {
  shardUrls: string[];
}

/** A fresh main database and `shardCount` shards, created, opened and migrated; `drop` removes them all. */
export async function createShardedTestDatabase(shardCount: number): Promise<ShardedTestDatabase> {
  const urls = shardedTestUrls(shardCount);
  const config: DbConfig = { url: urls.url, shardUrls: urls.shardUrls, pool: { ...DEFAULT_POOL, connectionLimit: 5 } };
  await ensureMysqlDatabases(config);
  const handle = createDb(config);
  try {
    await migrateToLatest(handle);
  } catch (error) {
    await handle.close();
    await urls.drop();
    throw error;
  }
  return {
    config,
    handle,
    shardUrls: urls.shardUrls,
    drop: async () => {
      await handle.close();
      await urls.drop();
    },
  };
}

import { Migrator, type Kysely, type Migration, type MigrationResultSet } from 'kysely';
import type { DbHandle } from './create-db.js';
import { MIGRATIONS } from './migrations/index.js';
import { SHARD_MIGRATIONS } from './migrations/shard/index.js';

export interface MigrationReport {
  /** Migrations applied to the main database. */
  applied: string[];
  /** Per shard database (DATABASE_SHARD_URLS order): migrations applied there. Empty without shards. */
  shards: string[][];
}

// Kysely's own defaults for the main sequence; the shard-only sequence is tracked apart so the two never interleave.
const SHARD_TABLES = { migrationTableName: 'kysely_shard_migration', migrationLockTableName: 'kysely_shard_migration_lock' };

async function run(db: Kysely<unknown>, migrations: Record<string, Migration>, tables: object = {}): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, ...tables });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  const failed = result.results?.find((r) => r.status === 'Error');
  if (result.error || failed) {
    const cause = result.error instanceof Error ? result.error : new Error(String(result.error));
    throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed: ${cause.message}`, { cause });
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * Brings the schema up to date; throws with the failing migration's name. Shards get the whole schema (one
 * frozen sequence for every database: no second copy of the event tables' history to keep in step; the tables
 * that do not live there stay empty) plus the shard-only migrations. Shards migrate in parallel.
 */
export async function migrateToLatest(handle: DbHandle): Promise<MigrationReport> {
  const applied = await run(handle.db as Kysely<unknown>, MIGRATIONS);
  const shards = handle.shards.sharded
    ? await Promise.all(handle.shards.all().map(async (shard) => {
      const whole = await run(shard as Kysely<unknown>, MIGRATIONS);
      return [...whole, ...(await run(shard as Kysely<unknown>, SHARD_MIGRATIONS, SHARD_TABLES)).map((name) => `shard/${name}`)];
    }))
    : [];
  return { applied, shards };
}

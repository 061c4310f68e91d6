export type { Database } from './schema.js';
export type * from './tables/users.js';
export type * from './tables/problems.js';
export type * from './tables/submissions.js';
export type * from './tables/proctoring.js';
export { createDb, type DbHandle } from './create-db.js';
export { DEFAULT_POOL, dialectOf, type DbConfig, type DialectName } from './db-config.js';
export { migrateToLatest, type MigrationReport } from './migrate.js';
export { ensureMysqlDatabase, type PoolStats } from './mysql-pool.js';

import type { Migration } from 'kysely';
import * as s0001 from './0001-fold-seq.js';

/**
 * Migrations that run only on shard databases, after the whole schema (MIGRATIONS), tracked in a migration
 * table of their own so that the main sequence can keep growing independently.
 */
export const SHARD_MIGRATIONS: Record<string, Migration> = {
  '0001-fold-seq': s0001,
};

import type { InsertQueryBuilder, InsertResult } from 'kysely';
import type { DialectName } from '@logicode/db';

/** INSERT that silently skips a duplicate key, in each dialect's words (MySQL IGNORE, SQLite ON CONFLICT DO NOTHING). */
 
export function insertIgnore<DB, TB extends keyof DB & string>(dialect: DialectName, query: InsertQueryBuilder<DB, TB, InsertResult>): InsertQueryBuilder<DB, TB, InsertResult> {
  return dialect === 'mysql' ? query.ignore() : query.onConflict((oc) => oc.doNothing());
}

/** Rows an INSERT … IGNORE / DO NOTHING really inserted. */
export function insertedRows(result: InsertResult | undefined): number {
  return Number(result?.numInsertedOrUpdatedRows ?? 0n);
}

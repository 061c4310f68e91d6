import type { Database as SqliteDatabase, Statement } from 'better-sqlite3';

/** Distinct statements kept prepared; statements differ mostly by the length of an IN list or a VALUES list. */
const MAX_STATEMENTS = 1000;

/**
 * The SQLite database as Kysely's driver sees it, with its statements prepared once: the driver calls prepare() for
 * every query, and compiling the same SQL again was 3-8% of the api's CPU on the write paths (issue 18 profiles).
 * A statement is used by one query at a time: the driver runs one query at a time on its one connection.
 * SQLite prepares a kept statement again by itself after a schema change (sqlite3_prepare_v2).
 */
export function withStatementCache(database: SqliteDatabase): { prepare(sql: string): Statement; close(): void } {
  const statements = new Map<string, Statement>();
  return {
    prepare(sql: string): Statement {
      let statement = statements.get(sql);
      if (statement) {
        // Least recently used first out: move a hit to the end.
        statements.delete(sql);
      } else {
        statement = database.prepare(sql);
        if (statements.size >= MAX_STATEMENTS) statements.delete(statements.keys().next().value!);
      }
      statements.set(sql, statement);
      return statement;
    },
    close() {
      statements.clear();
      database.close();
    },
  };
}

// Frozen in time: this migration imports only kysely and never changes once released.
// Proctor event ingest on MariaDB: the tables were clustered on the client's random UUID, so every insert landed
// on a random page of the table and every secondary index carried a 36-byte key. Here the rows are clustered on
// an auto-increment `row_id` (inserts append) and the UUID becomes a unique key, still what makes a retried batch
// store nothing twice. The UUID column becomes ascii with a binary collation: a UUID is ASCII, binary compares
// are cheaper than utf8mb4 collation, and ids now compare exactly as SQLite compares them.
// SQLite needs nothing: its tables already keep rows in rowid order with the primary key as a separate index,
// which is the layout this gives MariaDB. Existing rows are kept (ALTER TABLE copies them; row_id numbers them).
import { MysqlAdapter, sql, type Kysely } from 'kysely';

const TABLES = ['proctor_events', 'code_snapshots'] as const;

/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof MysqlAdapter)) return;
  for (const table of TABLES) {
    await sql`alter table ${sql.table(table)}
      drop primary key,
      add column row_id bigint not null auto_increment first,
      add primary key (row_id),
      modify id varchar(36) character set ascii collate ascii_bin not null,
      add unique key ${sql.id(`${table}_id_uq`)} (id)`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof MysqlAdapter)) return;
  for (const table of TABLES) {
    await sql`alter table ${sql.table(table)}
      drop primary key,
      drop column row_id,
      drop index ${sql.id(`${table}_id_uq`)},
      modify id varchar(36) not null,
      add primary key (id)`.execute(db);
  }
}

// Frozen in time: this migration imports only kysely and never changes once released.
// Problem packages (issue 17, import/export): the files a package brings besides its tests (statement images,
// validator sources, the submissions/ folders, the original statement), kept as blobs so a problem exports
// back to the same package; and the verification report of each import (the publish action reads it).
import { MysqlAdapter, sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  const mysql = db.getExecutor().adapter instanceof MysqlAdapter;
  // MySQL's BLOB holds 64 KB; an image or a submission may be larger. SQLite's BLOB has no such cap.
  const longBlob = mysql ? sql`longblob` : sql`blob`;
  const longText = mysql ? sql`longtext` : sql`text`;
  await db.schema
    .createTable('problem_package_files')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('problem_id', 'integer', (c) => c.notNull().references('problems.id').onDelete('cascade'))
    /** The path inside the package, '/'-separated (say `problem_statement/figure.png`). */
    .addColumn('path', 'varchar(255)', (c) => c.notNull())
    .addColumn('content', longBlob, (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('problem_package_files_path_idx').unique().on('problem_package_files').columns(['problem_id', 'path']).execute();
  await db.schema
    .createTable('problem_package_imports')
    .addColumn('problem_id', 'integer', (c) => c.primaryKey().references('problems.id').onDelete('cascade'))
    /** JSON of the PackageImportReport contract. */
    .addColumn('report', longText, (c) => c.notNull())
    /** 1 when a submission's verdict differs from its folder's: publishing then needs a confirmation. */
    .addColumn('has_mismatch', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer')
    .addColumn('created_at_ms', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('problem_package_imports').execute();
  await db.schema.dropTable('problem_package_files').execute();
}

// Frozen in time: this migration imports only kysely and never changes once released.
// Problem packages, judge side (issue 17, items 3-5): a problem's scoring (pass-fail, or scored test groups with
// points, as JSON in `problems.scoring`), each test's group, and an interactive sample's transcript. Custom checkers
// stored before now speak the legacy protocol (argv input expected actual, exit 0/1): they are marked
// `"protocol":"legacy"`, since a custom checker without a protocol now means the package interface (exit 42/43).
import { MysqlAdapter, sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  const longText = db.getExecutor().adapter instanceof MysqlAdapter ? sql`longtext` : sql`text`;
  await db.schema.alterTable('problems').addColumn('scoring', longText).execute();
  await db.schema.alterTable('test_cases').addColumn('group_name', 'varchar(64)').execute();
  await db.schema.alterTable('test_cases').addColumn('transcript', longText).execute();
  await rewriteCustomCheckers(db, (checker) => {
    if (checker.kind !== 'custom' || 'protocol' in checker) return null;
    return { ...checker, protocol: 'legacy' };
  });
}

export async function down(db: Kysely<any>): Promise<void> {
  await rewriteCustomCheckers(db, (checker) => {
    if (checker.kind !== 'custom' || checker.protocol !== 'legacy') return null;
    const { protocol: _p, ...rest } = checker;
    return rest;
  });
  await db.schema.alterTable('test_cases').dropColumn('transcript').execute();
  await db.schema.alterTable('test_cases').dropColumn('group_name').execute();
  await db.schema.alterTable('problems').dropColumn('scoring').execute();
}

async function rewriteCustomCheckers(db: Kysely<any>, change: (checker: Record<string, unknown>) => Record<string, unknown> | null): Promise<void> {
  const rows = (await db.selectFrom('problems').select(['id', 'checker']).where('checker', 'like', '%custom%').execute()) as { id: number; checker: string }[];
  for (const row of rows) {
    let checker: unknown;
    try {
      checker = JSON.parse(row.checker);
    } catch {
      continue;
    }
    if (typeof checker !== 'object' || checker === null) continue;
    const next = change(checker as Record<string, unknown>);
    if (next) await db.updateTable('problems').set({ checker: JSON.stringify(next) }).where('id', '=', row.id).execute();
  }
}

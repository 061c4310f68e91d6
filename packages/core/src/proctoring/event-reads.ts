import { AppError, type EventsQuery, type ProctorEventRecord } from '@logicode/contracts';
import type { Database, ProctorEventRow } from '@logicode/db';
import { severitiesAtLeast } from '@logicode/proctoring';
import type { Kysely } from 'kysely';
import type { CoreDeps } from '../context.js';
import { toEventRecord } from './mappers.js';

// Reads of proctor_events and code_snapshots. With DATABASE_SHARD_URLS they live on the user's shard: a read
// about one user (or one attempt) goes to that shard, a cross-user read asks every shard in parallel and merges.

/** Cursor = "<createdAtMs>:<id>" of the last row of the previous page (newest first). */
function parseCursor(cursor: string | undefined): { ms: number; id: string } | null {
  if (!cursor) return null;
  const at = cursor.indexOf(':');
  const ms = Number(cursor.slice(0, at));
  if (at < 1 || !Number.isFinite(ms)) throw new AppError('VALIDATION', 'The cursor is not valid.');
  return { ms, id: cursor.slice(at + 1) };
}

/**
 * Newest first, as the SQL orders them: created_at_ms desc, then id desc. Ids compare bytewise on every database
 * (SQLite's default; on MariaDB the column is ascii_bin since migration 0100), so plain string order matches.
 */
function newestFirst(a: ProctorEventRow, b: ProctorEventRow): number {
  const byTime = Number(b.createdAtMs) - Number(a.createdAtMs);
  if (byTime !== 0) return byTime;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

function pageQuery(shard: Kysely<Database>, query: EventsQuery, cursor: { ms: number; id: string } | null, userIds: readonly number[] | undefined) {
  let q = shard.selectFrom('proctorEvents').selectAll();
  if (query.userId) q = q.where('userId', '=', query.userId);
  if (userIds) q = q.where('userId', 'in', userIds);
  if (query.problemId) q = q.where('problemId', '=', query.problemId);
  if (query.attemptId) q = q.where('attemptId', '=', query.attemptId);
  if (query.type) q = q.where('type', '=', query.type);
  if (query.minSeverity) q = q.where('severity', 'in', severitiesAtLeast(query.minSeverity));
  if (query.since) q = q.where('createdAtMs', '>=', Date.parse(query.since));
  if (query.until) q = q.where('createdAtMs', '<', Date.parse(query.until));
  if (cursor) {
    q = q.where((eb) => eb.or([
      eb('createdAtMs', '<', cursor.ms),
      eb.and([eb('createdAtMs', '=', cursor.ms), eb('id', '<', cursor.id)]),
    ]));
  }
  return q.orderBy('createdAtMs', 'desc').orderBy('id', 'desc').limit(query.limit + 1);
}

/** The shards a query can have rows on: the user's (given, or the attempt's owner's), else all. */
async function shardsFor(deps: CoreDeps, query: EventsQuery): Promise<readonly Kysely<Database>[]> {
  const { shards } = deps.db;
  if (!shards.sharded) return shards.all();
  if (query.userId) return [shards.forUser(query.userId)];
  if (query.attemptId) {
    const attempt = await deps.db.db.selectFrom('problemSessions').select('userId').where('id', '=', query.attemptId).executeTakeFirst();
    // Events are stored only for existing attempts: no attempt, no events (anywhere).
    return attempt ? [shards.forUser(attempt.userId)] : [];
  }
  return shards.all();
}

/**
 * One page of events, newest first, across shards: each shard returns its own first `limit + 1` rows after the
 * cursor; the global first `limit + 1` are among them, so merging and cutting gives exactly the page a single
 * database would (and the same cursor for the next one).
 */
export async function listEvents(
  deps: CoreDeps, query: EventsQuery, userIds?: readonly number[],
): Promise<{ items: (ProctorEventRecord & { userName: string })[]; nextCursor: string | null }> {
  const cursor = parseCursor(query.cursor);
  // `userIds`: only these students' events (a teacher's scope, access/teacher-scope.ts); an empty scope has none.
  if (userIds && userIds.length === 0) return { items: [], nextCursor: null };
  const targets = await shardsFor(deps, query);
  const perShard = await Promise.all(targets.map((shard) => pageQuery(shard, query, cursor, userIds).execute()));
  // One shard: its SQL order is the order (no re-sort that could disagree with the database's collation).
  const rows = perShard.length === 1 ? perShard[0]! : perShard.flat().sort(newestFirst).slice(0, query.limit + 1);
  const page = rows.slice(0, query.limit);
  const pageUserIds = [...new Set(page.map((r) => r.userId))];
  // Users live on the main database; an event of a user that no longer exists is left out, as the join did.
  const users = pageUserIds.length ? await deps.db.db.selectFrom('users').select(['id', 'name']).where('id', 'in', pageUserIds).execute() : [];
  const names = new Map(users.map((u) => [u.id, u.name]));
  const last = page[page.length - 1];
  return {
    items: page.filter((r) => names.has(r.userId)).map((r) => ({ ...toEventRecord(r), userName: names.get(r.userId)! })),
    nextCursor: rows.length > query.limit && last ? `${Number(last.createdAtMs)}:${last.id}` : null,
  };
}

/** Events stored since a time, on every shard (the dashboard's "events today"); of these students only, if given. */
export async function countEventsSince(deps: CoreDeps, sinceMs: number, userIds?: readonly number[]): Promise<number> {
  if (userIds && userIds.length === 0) return 0;
  const counts = await Promise.all(deps.db.shards.all().map((shard) => {
    let q = shard.selectFrom('proctorEvents').select((eb) => eb.fn.countAll<number>().as('n')).where('createdAtMs', '>=', sinceMs);
    if (userIds) q = q.where('userId', 'in', userIds);
    return q.executeTakeFirstOrThrow();
  }));
  return counts.reduce((sum, row) => sum + Number(row.n), 0);
}

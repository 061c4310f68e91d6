import type { ProctorEventInput, ProctorEventRecord, ProctorSettings } from '@logicode/contracts';
import type { Database, ProblemSessionRow } from '@logicode/db';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { CoreDeps } from '../context.js';
import { admitPending, GUARDED_COLUMNS } from './attempt-guard.js';
import type { IngestMessage, Pending, PersistResult } from './event-writer.js';

/** The event writer's pieces the sharded path reuses (event-writer.ts), so both store rows the same way. */
export interface WriterParts {
  pendingOf(messages: readonly IngestMessage[]): Pending[];
  rulesFor(pending: readonly Pending[]): Promise<Map<number, ProctorSettings>>;
  knownIds(trx: Kysely<Database>, pending: Pending[]): Promise<Set<string>>;
  insertRows(trx: Transaction<Database>, fresh: Pending[], rules: Map<number, ProctorSettings>, foldSeqs?: Map<string, number>): Promise<{ feed: ProctorEventRecord[]; inserted: number }>;
  fold(trx: Transaction<Database>, attempts: Iterable<ProblemSessionRow>, eventsOf: (attemptId: number) => ProctorEventInput[], rules: Map<number, ProctorSettings>, result: PersistResult): Promise<void>;
  retryable: (error: unknown) => boolean;
}

/** Some ids of the batch are on the shard already: redo with the known-id check. */
class SeenBefore extends Error {}
/** An id of the batch was inserted by someone else between the known-id check and the insert: redo. */
class IdCollision extends Error {}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** An event rebuilt from its shard row: only for rows stored by an earlier, interrupted persist. */
function eventOfRow(row: { id: string; type: string; problemId: number; attemptId: number | null; payload: string; clientTsMs: number }): ProctorEventInput {
  return { id: row.id, type: row.type, problemId: row.problemId, attemptId: row.attemptId ?? 0, clientTsMs: Number(row.clientTsMs), data: JSON.parse(row.payload) } as ProctorEventInput;
}

function snapshotOfRow(row: { id: string; problemId: number; attemptId: number | null; language: string; code: string; clientTsMs: number; kind: 'full' | 'diff'; seq: number; baseSeq: number | null }): ProctorEventInput {
  const data = row.kind === 'diff'
    ? { kind: 'diff', seq: row.seq, baseSeq: row.baseSeq ?? 1, language: row.language, edits: JSON.parse(row.code) }
    : { kind: 'full', seq: row.seq, language: row.language, content: row.code };
  return { id: row.id, type: 'code_snapshot', problemId: row.problemId, attemptId: row.attemptId ?? 0, clientTsMs: Number(row.clientTsMs), data } as ProctorEventInput;
}

/**
 * Persisting with DATABASE_SHARD_URLS: the events and snapshots on the user's shard, the counters and flags on
 * the main database. There is no transaction across two databases, so the order is what makes it safe:
 *
 * 1. On the shard, in one transaction: lock the attempt's numbering row, insert the events numbered
 *    (`fold_seq` = 1, 2, … per attempt, in batch order), skipping ids the shard already has. Committed rows are
 *    durable and numbered in commit order, because the numbering row serialises writers of one attempt.
 * 2. On the main database, in one transaction: lock the attempts (as the single-database writer does), read
 *    from the shard every row of each attempt numbered above `problem_sessions.folded_seq`, fold them into the
 *    counters, raise flags, and move `folded_seq` to the last number folded.
 *
 * A crash after 1 leaves numbered rows above `folded_seq`: the redelivered batch stores nothing on the shard
 * and step 2 folds exactly those rows. A crash after 2 (before the stream ack) makes step 2 find nothing above
 * `folded_seq`: nothing is counted twice. Two consumers with copies of a batch serialise on the locks of 1 and 2.
 * Flags are unique per attempt and key anyway. The stream entry is acknowledged only after both commits.
 */
export function createShardedPersist(deps: CoreDeps, parts: WriterParts) {
  const { db, shards } = deps.db;

  async function retrying<T>(work: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await work();
      } catch (error) {
        const again = error instanceof IdCollision || parts.retryable(error);
        if (attempt >= 4 || !again) throw error;
        await new Promise((r) => setTimeout(r, 20 * attempt));
      }
    }
  }

  /**
   * Step 1 for one shard's share of the batch. `precheck` false: number every event and insert straight away; if
   * fewer rows went in than were offered (ids stored before: a retry or redelivery), roll back and redo with
   * `precheck`, which skips the known ids first, so that numbers never have holes. The common case thus costs no
   * SELECT of the ids (as in the single-database writer).
   */
  async function storeOnShard(index: number, group: Pending[], rules: Map<number, ProctorSettings>, precheck: boolean) {
    return shards.folding(index).transaction().execute(async (trx) => {
      const attemptIds = [...new Set(group.map((p) => p.event.attemptId))].sort((a, b) => a - b);
      // ON DUPLICATE KEY takes the row's exclusive lock at once (INSERT IGNORE would take a shared one, and two
      // writers upgrading it would deadlock).
      await trx.insertInto('proctorAttemptSeqs').values(attemptIds.map((attemptId) => ({ attemptId, lastSeq: 0 })))
        .onDuplicateKeyUpdate({ lastSeq: sql<number>`last_seq` }).execute();
      const seqRows = await trx.selectFrom('proctorAttemptSeqs').selectAll().where('attemptId', 'in', attemptIds).orderBy('attemptId').forUpdate().execute();
      const base = trx as unknown as Transaction<Database>;
      const known = precheck ? await parts.knownIds(base, group) : new Set<string>();
      const fresh = group.filter((p) => !known.has(p.event.id));
      if (fresh.length === 0) return { stored: 0, feed: [] as ProctorEventRecord[] };
      const last = new Map(seqRows.map((r) => [r.attemptId, Number(r.lastSeq)]));
      const seqs = new Map(fresh.map((p) => {
        const seq = last.get(p.event.attemptId)! + 1;
        last.set(p.event.attemptId, seq);
        return [p.event.id, seq] as const;
      }));
      const { feed, inserted } = await parts.insertRows(base, fresh, rules, seqs);
      // Every number handed out must belong to a row: step 2 folds gap-free runs.
      if (inserted !== fresh.length) throw precheck ? new IdCollision() : new SeenBefore();
      const lastCases = sql.join(attemptIds.map((id) => sql`when ${id} then ${last.get(id)!}`), sql` `);
      await sql`update proctor_attempt_seqs set last_seq = case attempt_id ${lastCases} end
        where attempt_id in (${sql.join(attemptIds)})`.execute(trx);
      return { stored: fresh.length, feed };
    });
  }

  async function storeWithRetry(index: number, group: Pending[], rules: Map<number, ProctorSettings>) {
    let precheck = false;
    return retrying(async () => {
      try {
        return await storeOnShard(index, group, rules, precheck);
      } catch (error) {
        if (!(error instanceof SeenBefore)) throw error;
        precheck = true;
        return storeOnShard(index, group, rules, precheck);
      }
    });
  }

  /**
   * Rows of these attempts numbered above what main has folded, in number order, as events. One statement for
   * both tables: one read view, so a writer committing meanwhile is seen in both or in neither. Only the run of
   * numbers right after `folded_seq` is taken (numbers are handed out without gaps), so nothing is ever skipped.
   */
  async function unfolded(index: number, attempts: ProblemSessionRow[], known: Map<string, ProctorEventInput>) {
    const shard = shards.folding(index);
    const above = (table: 'proctorEvents' | 'codeSnapshots') => shard.selectFrom(table as 'proctorEvents')
      .select(['id', 'attemptId', 'foldSeq', sql<number>`${table === 'codeSnapshots' ? 1 : 0}`.as('isSnapshot')])
      .where((eb) => eb.or(attempts.map((a) => eb.and([eb('attemptId', '=', a.id), eb('foldSeq', '>', a.foldedSeq)]))));
    const numbered = (await above('proctorEvents').unionAll(above('codeSnapshots')).execute())
      .sort((a, b) => Number(a.foldSeq) - Number(b.foldSeq));
    const next = new Map(attempts.map((a) => [a.id, a.foldedSeq + 1]));
    const run = numbered.filter((r) => {
      const attemptId = Number(r.attemptId);
      if (Number(r.foldSeq) !== next.get(attemptId)) return false;
      next.set(attemptId, Number(r.foldSeq) + 1);
      return true;
    });
    const missing = (snapshot: boolean) => run.filter((r) => Boolean(Number(r.isSnapshot)) === snapshot && !known.has(r.id)).map((r) => r.id);
    const [oldEvents, oldSnaps] = await Promise.all([
      missing(false).length ? shard.selectFrom('proctorEvents').selectAll().where('id', 'in', missing(false)).execute() : [],
      missing(true).length ? shard.selectFrom('codeSnapshots').selectAll().where('id', 'in', missing(true)).execute() : [],
    ]);
    const rebuilt = new Map<string, ProctorEventInput>([
      ...oldEvents.map((r) => [r.id, eventOfRow(r)] as const),
      ...oldSnaps.map((r) => [r.id, snapshotOfRow(r)] as const),
    ]);
    return run.map((r) => ({ attemptId: Number(r.attemptId), seq: Number(r.foldSeq), event: known.get(r.id) ?? rebuilt.get(r.id)! }));
  }

  /** Step 2: fold every numbered, not yet folded row of these attempts into their counters on main. */
  async function foldOnMain(attemptIds: number[], rules: Map<number, ProctorSettings>, known: Map<string, ProctorEventInput>, result: PersistResult) {
    await db.transaction().execute(async (trx) => {
      const attempts = await trx.selectFrom('problemSessions').selectAll().where('id', 'in', attemptIds).orderBy('id').forUpdate().execute();
      const perShard = groupBy(attempts, (a) => shards.indexOf(a.userId));
      const rows = (await Promise.all([...perShard].map(([index, group]) => unfolded(index, group, known)))).flat();
      if (rows.length === 0) return;
      const byAttempt = groupBy(rows, (r) => r.attemptId);
      await parts.fold(trx, attempts, (id) => (byAttempt.get(id) ?? []).map((r) => r.event), rules, result);
      const seqCases = sql.join([...byAttempt].map(([id, list]) => sql`when ${id} then ${list[list.length - 1]!.seq}`), sql` `);
      await sql`update problem_sessions set folded_seq = case id ${seqCases} end
        where id in (${sql.join([...byAttempt.keys()])})`.execute(trx);
    });
  }

  return async function persistSharded(messages: readonly IngestMessage[]): Promise<PersistResult> {
    const result: PersistResult = { stored: 0, feedEvents: [], flags: [], endedAttemptIds: [] };
    const pending = parts.pendingOf(messages);
    if (pending.length === 0) return result;
    const attemptIds = [...new Set(pending.map((p) => p.event.attemptId))].sort((a, b) => a - b);
    // Only what the guard admits is stored (as in the single-database writer): the sender's attempt, inside its
    // window, late-marked within the grace. Judged at the api's receipt time (in the message), as the single-database
    // writer does under its locks; here the attempt rows are on main and the events on a shard.
    const rows = await db.selectFrom('problemSessions').select([...GUARDED_COLUMNS]).where('id', 'in', attemptIds).execute();
    const valid = admitPending(pending, new Map(rows.map((r) => [r.id, r])));
    if (valid.length === 0) return result;
    const rules = await parts.rulesFor(valid);
    const stored = await Promise.all([...groupBy(valid, (p) => shards.indexOf(p.userId))].map(([index, group]) => storeWithRetry(index, group, rules)));
    result.stored = stored.reduce((sum, s) => sum + s.stored, 0);
    result.feedEvents = stored.flatMap((s) => s.feed);
    const known = new Map(valid.map((p) => [p.event.id, p.event]));
    await retrying(async () => {
      result.flags = [];
      result.endedAttemptIds = [];
      await foldOnMain([...new Set(valid.map((p) => p.event.attemptId))].sort((a, b) => a - b), rules, known, result);
    });
    return result;
  };
}

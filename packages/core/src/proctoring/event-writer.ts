import type {
  AttemptCounters, ProctorEventInput, ProctorEventRecord, ProctorFlag, ProctorSettings,
} from '@logicode/contracts';
import type { Database, ProblemSessionRow } from '@logicode/db';
import {
  applyEvents, integrityOf, normaliseCounters, toEventRecord, type FlagDraft,
} from '@logicode/proctoring';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { CoreDeps } from '../context.js';
import { isTransientDbError } from '../db-retry.js';
import { admitPending } from './attempt-guard.js';
import { toFlag } from './mappers.js';
import type { SettingsStore } from './settings-store.js';
import { createShardedPersist } from './sharded-writer.js';

/** What the api hands on (directly in embedded mode, through the stream when scaled): one validated batch. */
export interface IngestMessage {
  userId: number;
  /** The api's receipt time: the authoritative clock the guard judges by (attempt-guard.ts), whatever the lag. */
  receivedAtMs: number;
  /** receivedAt - the batch's sentAtMs (0 or absent without one): moves client times onto the server's clock. */
  clockSkewMs?: number;
  events: ProctorEventInput[];
}

export interface PersistResult {
  /** Events and snapshots newly stored (a retried batch stores 0). */
  stored: number;
  /** Newly stored events worth pushing live (medium and high; the rest is in the events API and timeline). */
  feedEvents: ProctorEventRecord[];
  flags: { flag: ProctorFlag; counters: AttemptCounters }[];
  /** Attempts a rule ended (action end_attempt). */
  endedAttemptIds: number[];
}

const CHUNK = 500;

/** Some events of the batch were stored before: redo the transaction with the known-id check. */
class SeenBefore extends Error {}

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export interface Pending {
  event: ProctorEventInput;
  userId: number;
  receivedAtMs: number;
  clockSkewMs?: number;
  /** Set by the guard (admitPending): received after the attempt ended, within the offline grace. */
  late?: boolean;
}

/**
 * Stores batches idempotently (a known event id is skipped) and, in the same transaction, folds the new
 * events into each attempt's counters and stores the flags the rules raise. Attempt rows are locked first
 * (in id order, so two writers cannot deadlock on them), which also makes the "already stored?" check exact
 * when two consumers hold copies of the same batch.
 */
export function createEventWriter(deps: CoreDeps, settings: SettingsStore) {
  const { db } = deps.db;
  const mysql = deps.db.dialect === 'mysql';

  async function knownIds(trx: Kysely<Database>, pending: Pending[]): Promise<Set<string>> {
    const known = new Set<string>();
    const snapIds = pending.filter((p) => p.event.type === 'code_snapshot').map((p) => p.event.id);
    const eventIds = pending.filter((p) => p.event.type !== 'code_snapshot').map((p) => p.event.id);
    for (const part of chunks(eventIds, 1000)) {
      const rows = await trx.selectFrom('proctorEvents').select('id').where('id', 'in', part).execute();
      rows.forEach((r) => known.add(r.id));
    }
    for (const part of chunks(snapIds, 1000)) {
      const rows = await trx.selectFrom('codeSnapshots').select('id').where('id', 'in', part).execute();
      rows.forEach((r) => known.add(r.id));
    }
    return known;
  }

  /** `foldSeqs` (shards only, see sharded-writer.ts): each row's per-attempt number, stored with it. */
  async function insertRows(trx: Transaction<Database>, fresh: Pending[], rules: Map<number, ProctorSettings>, foldSeqs?: Map<string, number>) {
    const feed: ProctorEventRecord[] = [];
    const eventRows = [];
    const snapRows = [];
    for (const p of fresh) {
      const { event } = p;
      if (event.type === 'code_snapshot') {
        const d = event.data;
        snapRows.push({
          id: event.id, attemptId: event.attemptId, userId: p.userId, problemId: event.problemId, language: d.language,
          code: d.kind === 'full' ? d.content : JSON.stringify(d.edits), clientTsMs: event.clientTsMs,
          createdAtMs: p.receivedAtMs, kind: d.kind, seq: d.seq, baseSeq: d.kind === 'diff' ? d.baseSeq : null, late: p.late ? 1 : 0,
          ...(foldSeqs ? { foldSeq: foldSeqs.get(event.id) } : {}),
        });
        continue;
      }
      const record = toEventRecord(event, {
        userId: p.userId, receivedAt: new Date(p.receivedAtMs).toISOString(), settings: rules.get(event.attemptId)!,
      });
      if (record.severity === 'medium' || record.severity === 'high') feed.push(record);
      eventRows.push({
        id: event.id, userId: p.userId, problemId: event.problemId, attemptId: event.attemptId, type: event.type,
        severity: record.severity, payload: JSON.stringify(event.data), clientTsMs: event.clientTsMs,
        createdAtMs: p.receivedAtMs, late: p.late ? 1 : 0, ...(foldSeqs ? { foldSeq: foldSeqs.get(event.id) } : {}),
      });
    }
    let inserted = 0;
    for (const part of chunks(eventRows)) {
      inserted += Number((await trx.insertInto('proctorEvents').values(part).ignore().executeTakeFirst()).numInsertedOrUpdatedRows ?? 0);
    }
    for (const part of chunks(snapRows, 100)) {
      inserted += Number((await trx.insertInto('codeSnapshots').values(part).ignore().executeTakeFirst()).numInsertedOrUpdatedRows ?? 0);
    }
    return { feed, inserted };
  }

  interface FlagRow {
    attemptId: number;
    userId: number;
    problemId: number;
    draft: FlagDraft;
    counters: AttemptCounters;
  }

  /** One INSERT IGNORE for all drafts; the rows stamped with this transaction's time are the new ones. */
  async function insertFlags(trx: Transaction<Database>, flags: FlagRow[], nowMs: number) {
    if (flags.length === 0) return [];
    await trx.insertInto('proctorFlags').values(flags.map((f) => ({
      attemptId: f.attemptId, userId: f.userId, problemId: f.problemId, rule: f.draft.rule, reason: f.draft.reason,
      severity: f.draft.severity, status: 'open' as const, note: null, createdAtMs: nowMs, updatedAtMs: nowMs, action: f.draft.action,
      eventId: f.draft.eventId, dedupeKey: f.draft.key, reviewedBy: null, reviewedAtMs: null,
    }))).ignore().execute();
    const rows = await trx.selectFrom('proctorFlags').selectAll()
      .where('attemptId', 'in', [...new Set(flags.map((f) => f.attemptId))])
      .where('dedupeKey', 'in', [...new Set(flags.map((f) => f.draft.key))])
      .where('createdAtMs', '=', nowMs).execute();
    const byKey = new Map(flags.map((f) => [`${f.attemptId}|${f.draft.key}`, f]));
    return rows.flatMap((row) => {
      const source = byKey.get(`${row.attemptId}|${row.dedupeKey}`);
      return source ? [{ flag: toFlag(row), counters: source.counters }] : [];
    });
  }

  /** All counter updates of a transaction in one statement (a CASE per column) instead of one per attempt. */
  async function updateCounters(trx: Transaction<Database>, updates: { id: number; counters: string; score: number }[]) {
    if (updates.length === 0) return;
    const countersCase = sql.join(updates.map((u) => sql`when ${u.id} then ${u.counters}`), sql` `);
    const scoreCase = sql.join(updates.map((u) => sql`when ${u.id} then ${u.score}`), sql` `);
    await sql`update problem_sessions set counters = case id ${countersCase} end, integrity_score = case id ${scoreCase} end
      where id in (${sql.join(updates.map((u) => u.id))})`.execute(trx);
  }

  /** The batches' events in order, a repeated id (the same batch twice in one read: a client retry) once. */
  function pendingOf(messages: readonly IngestMessage[]): Pending[] {
    const pending: Pending[] = [];
    const seen = new Set<string>();
    for (const m of messages) {
      for (const event of m.events) {
        if (seen.has(event.id)) continue;
        seen.add(event.id);
        pending.push({ event, userId: m.userId, receivedAtMs: m.receivedAtMs, clockSkewMs: m.clockSkewMs ?? 0 });
      }
    }
    return pending;
  }

  /**
   * The rules per attempt id (practice, timed, assessment: settings-store.ts `forAttempt`), read before the
   * transaction (SQLite has one connection). An attempt's context never changes, so reading it early is exact.
   */
  async function rulesFor(pending: readonly Pending[]): Promise<Map<number, ProctorSettings>> {
    return settings.forAttempts([...new Set(pending.map((p) => p.event.attemptId))]);
  }

  /**
   * Folds each attempt's new events (in order) into its counters; stores the counters, the flags the rules raise
   * and the attempts a rule ended. `eventsOf` gives an attempt's not yet folded events.
   */
  async function fold(trx: Transaction<Database>, attempts: Iterable<ProblemSessionRow>, eventsOf: (attemptId: number) => ProctorEventInput[], rules: Map<number, ProctorSettings>, result: PersistResult) {
    const nowMs = deps.clock.now();
    const updates: { id: number; counters: string; score: number }[] = [];
    const flagRows: FlagRow[] = [];
    for (const attempt of attempts) {
      const mine = eventsOf(attempt.id);
      if (mine.length === 0) continue;
      const rule = rules.get(attempt.id)!; // rulesFor read every attempt of the batch
      const { counters, flags } = applyEvents(normaliseCounters(JSON.parse(attempt.counters)), mine, rule);
      updates.push({ id: attempt.id, counters: JSON.stringify(counters), score: integrityOf(counters, rule).score });
      for (const draft of flags) flagRows.push({ attemptId: attempt.id, userId: attempt.userId, problemId: attempt.problemId, draft, counters });
      if (attempt.isActive === 1 && flags.some((f) => f.action === 'end_attempt')) result.endedAttemptIds.push(attempt.id);
    }
    await updateCounters(trx, updates);
    if (result.endedAttemptIds.length > 0) {
      await trx.updateTable('problemSessions').set({ isActive: 0, endedAtMs: nowMs, endReason: 'rule' })
        .where('id', 'in', result.endedAttemptIds).where('isActive', '=', 1).execute();
    }
    result.flags = await insertFlags(trx, flagRows, nowMs);
  }

  /**
   * `precheck` false: insert straight away and compare the rows inserted with the rows offered; if some ids were
   * already stored (a retry or a redelivery), roll back and redo with `precheck`, which selects the known ids
   * first. The common case thus skips a SELECT of every id; the rare one costs one rolled-back attempt.
   */
  async function persistOnce(messages: readonly IngestMessage[], precheck: boolean): Promise<PersistResult> {
    const pending = pendingOf(messages);
    const result: PersistResult = { stored: 0, feedEvents: [], flags: [], endedAttemptIds: [] };
    if (pending.length === 0) return result;
    const rules = await rulesFor(pending);
    const attemptIds = [...new Set(pending.map((p) => p.event.attemptId))].sort((a, b) => a - b);

    await db.transaction().execute(async (trx) => {
      let lock = trx.selectFrom('problemSessions').selectAll().where('id', 'in', attemptIds).orderBy('id');
      if (mysql) lock = lock.forUpdate();
      const attempts = new Map((await lock.execute()).map((a) => [a.id, a]));
      const known = precheck ? await knownIds(trx, pending) : new Set<string>();
      // The guard again, under the attempts' locks: the sender's attempt, inside its window (the stream consumer
      // path too: an attempt may have ended while the batch waited in the stream; judged at the api's receipt time).
      const fresh = admitPending(pending.filter((p) => !known.has(p.event.id)), attempts);
      result.stored = fresh.length;
      if (fresh.length === 0) return;
      const { feed, inserted } = await insertRows(trx, fresh, rules);
      if (!precheck && inserted !== fresh.length) throw new SeenBefore();
      result.feedEvents = feed;
      await fold(trx, attempts.values(), (id) => fresh.filter((p) => p.event.attemptId === id).map((p) => p.event), rules, result);
    });
    return result;
  }

  // With DATABASE_SHARD_URLS the events go to the user's shard and only the fold runs here (sharded-writer.ts).
  const sharded = deps.db.shards.sharded
    ? createShardedPersist(deps, { pendingOf, rulesFor, knownIds, insertRows, fold, retryable: isTransientDbError })
    : null;

  return {
    /** Stores the batches; retried on a deadlock (the whole transaction is idempotent). */
    async persist(messages: readonly IngestMessage[]): Promise<PersistResult> {
      if (sharded) return sharded(messages);
      let precheck = false;
      for (let attempt = 1; ; attempt += 1) {
        try {
          return await persistOnce(messages, precheck);
        } catch (error) {
          if (error instanceof SeenBefore && !precheck) {
            precheck = true;
            continue;
          }
          if (attempt >= 4 || !isTransientDbError(error)) throw error;
          await new Promise((r) => setTimeout(r, 20 * attempt));
        }
      }
    },
  };
}
export type EventWriter = ReturnType<typeof createEventWriter>;

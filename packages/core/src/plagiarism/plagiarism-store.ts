import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { rooms, type LanguageId, type PlagiarismParams, type PlagiarismProgressPayload } from '@logicode/contracts';
import type { CoreDeps } from '../context.js';
import { emitToRoom } from '../realtime.js';
import { toPairRow, type PairToStore } from './mappers.js';
import { selectCounted, type CandidateSubmission } from './selection.js';

/**
 * Rows per INSERT (17 columns each, far below both dialects' placeholder limits). SQLite writes in this process,
 * synchronously: 22,000 rows took 1.37 s in 200-row INSERTs and 0.64 s in 500-row ones (per-statement overhead
 * and the yield between them), each INSERT holding the event loop a few ms. MariaDB was no faster with larger
 * ones (4.9 s at 200, 5.8 s at 500, 7.2 s at 1,000, measured at load ~35: the server's work dominates).
 */
const INSERT_BATCH = { sqlite: 500, mysql: 200 } as const;
/** Rows stored between two progress reports of a run's storing phase. */
const STORE_REPORT_ROWS = 2000;
/** A queued run younger than this makes incremental checks of its problem unnecessary (hasQueuedRun). */
const QUEUED_RUN_FRESH_MS = 30 * 60 * 1000;
/** Sources per SELECT … IN (…). */
const LOAD_BATCH = 200;

export interface RunStart {
  runId: number;
  problemId: number;
  /** The teacher's overrides; the worker resolves them to the full parameters. */
  requestedParams: Partial<PlagiarismParams>;
}

export type ProgressUpdate = Omit<PlagiarismProgressPayload, 'runId' | 'problemId'>;

/**
 * What the worker's plagiarism jobs read and write. Core knows no algorithm (layering: only the worker imports
 * @logicode/plagiarism); this stores what it computes and tells the teacher feeds how far a run got.
 */
export function createPlagiarismStore(deps: CoreDeps) {
  const { db } = deps.db;
  const { clock, pubsub } = deps;

  // The teacher who asked for a run gets its progress on their own feed:teacher:<id> (feed:all and feed:problem
  // are the admins' rooms, docs/access.md); remembered per run, a run's progress is dozens of messages.
  const requesters = new Map<number, Promise<number | null>>();
  function requesterOf(runId: number): Promise<number | null> {
    let found = requesters.get(runId);
    if (!found) {
      if (requesters.size > 1000) requesters.clear();
      found = db.selectFrom('plagiarismRuns').select('requestedBy').where('id', '=', runId).executeTakeFirst().then((r) => r?.requestedBy ?? null, () => null);
      requesters.set(runId, found);
    }
    return found;
  }

  async function emit(runId: number, problemId: number, update: ProgressUpdate): Promise<void> {
    const payload: PlagiarismProgressPayload = { runId, problemId, ...update };
    const requester = await requesterOf(runId);
    const targets = [rooms.feedAll(), rooms.feedProblem(problemId), ...(requester === null ? [] : [rooms.feedTeacher(requester)])];
    await emitToRoom(pubsub, targets, 'plagiarism:progress', payload);
  }

  const batch = INSERT_BATCH[deps.db.dialect];
  async function insertPairs(trx: typeof db, problemId: number, runId: number | null, pairs: readonly PairToStore[], onBatch?: (stored: number) => Promise<void>): Promise<void> {
    const now = clock.now();
    for (let i = 0; i < pairs.length; i += batch) {
      await trx.insertInto('plagiarismPairs').values(pairs.slice(i, i + batch).map((p) => toPairRow(problemId, runId, p, now))).execute();
      await onBatch?.(Math.min(pairs.length, i + batch));
      // better-sqlite3 is synchronous: without this, storing a large run would hold the event loop throughout.
      if (i + batch < pairs.length) await yieldToLoop();
    }
  }

  return {
    /** Each student's counted Submit of the problem (see selectCounted); staff submissions never count. */
    async selection(problemId: number): Promise<CandidateSubmission[]> {
      const rows = await db.selectFrom('submissions as s').innerJoin('users as u', 'u.id', 's.userId')
        .select(['s.id', 's.userId', 's.language', 's.verdict'])
        .where('s.problemId', '=', problemId).where('s.mode', '=', 'submit').where('s.status', '=', 'done').where('u.role', '=', 'student')
        .execute();
      return selectCounted(rows.map((r) => ({ ...r, language: r.language as LanguageId })));
    },

    async sources(ids: readonly number[]): Promise<Map<number, string>> {
      const out = new Map<number, string>();
      for (let i = 0; i < ids.length; i += LOAD_BATCH) {
        const rows = await db.selectFrom('submissions').select(['id', 'code']).where('id', 'in', ids.slice(i, i + LOAD_BATCH)).execute();
        for (const row of rows) out.set(row.id, row.code);
      }
      return out;
    },

    /** Code every student was given, per language: the starter code and the driver around a function. */
    async ignoredSources(problemId: number): Promise<{ language: LanguageId; source: string }[]> {
      const rows = await db.selectFrom('problemLanguages').select(['language', 'starterCode', 'driverCode']).where('problemId', '=', problemId).orderBy('language').execute();
      return rows.flatMap((r) => [r.starterCode, r.driverCode ?? ''].filter((s) => s.trim() !== '').map((source) => ({ language: r.language as LanguageId, source })));
    },

    /** The overrides of the problem's latest run that did not fail ({} if none): incremental checks use the same. */
    async currentParams(problemId: number): Promise<Partial<PlagiarismParams>> {
      const row = await db.selectFrom('plagiarismRuns').select('requestedParams').where('problemId', '=', problemId)
        .where('status', '!=', 'failed').orderBy('id', 'desc').limit(1).executeTakeFirst();
      return row ? (JSON.parse(row.requestedParams) as Partial<PlagiarismParams>) : {};
    },

    /**
     * Whether a run of the problem is queued (not yet started): it will load every counted submission when it
     * starts, so an incremental check of a Submit stored before now has nothing to add (the worker skips it).
     * Only a run queued in the last 30 minutes counts (the api's reuse window): a run whose job was lost must
     * not silence the checks for good.
     */
    async hasQueuedRun(problemId: number): Promise<boolean> {
      const row = await db.selectFrom('plagiarismRuns').select('id').where('problemId', '=', problemId).where('status', '=', 'queued')
        .where('createdAtMs', '>', clock.now() - QUEUED_RUN_FRESH_MS).limit(1).executeTakeFirst();
      return row !== undefined;
    },

    /** Marks a queued (or, on a retry, running) run as running. null = nothing to do. */
    async startRun(runId: number): Promise<RunStart | null> {
      const updated = await db.updateTable('plagiarismRuns').set({ status: 'running', startedAtMs: clock.now(), progress: 0, error: null })
        .where('id', '=', runId).where('status', 'in', ['queued', 'running']).executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) return null;
      const row = await db.selectFrom('plagiarismRuns').select(['problemId', 'requestedParams']).where('id', '=', runId).executeTakeFirstOrThrow();
      return { runId, problemId: row.problemId, requestedParams: JSON.parse(row.requestedParams) as Partial<PlagiarismParams> };
    },

    async recordParams(runId: number, params: PlagiarismParams, submissionCount: number): Promise<void> {
      await db.updateTable('plagiarismRuns').set({ params: JSON.stringify(params), submissionCount }).where('id', '=', runId).execute();
    },

    async progress(run: RunStart, update: ProgressUpdate): Promise<void> {
      await db.updateTable('plagiarismRuns').set({ progress: update.progress }).where('id', '=', run.runId).where('status', '=', 'running').execute();
      await emit(run.runId, run.problemId, update);
    },

    /**
     * Replaces all of the problem's pairs with the run's, and marks the run done, in one transaction. While it
     * stores, the teacher feeds hear how far it got (progress `from`..1 by rows stored, every STORE_REPORT_ROWS);
     * the run row keeps `from` until it is done, because on SQLite a write beside the open transaction would wait
     * for it.
     */
    async finishRun(run: RunStart, pairs: readonly PairToStore[], submissionCount: number, from = 0.9): Promise<void> {
      let reported = 0;
      const onBatch = async (stored: number) => {
        if (stored - reported < STORE_REPORT_ROWS || stored === pairs.length) return;
        reported = stored;
        await emit(run.runId, run.problemId, { status: 'running', phase: 'storing', progress: from + ((1 - from) * stored) / pairs.length, submissionCount, pairCount: pairs.length });
      };
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('plagiarismPairs').where('problemId', '=', run.problemId).execute();
        await insertPairs(trx, run.problemId, run.runId, pairs, onBatch);
        await trx.updateTable('plagiarismRuns').set({ status: 'done', progress: 1, pairCount: pairs.length, submissionCount, finishedAtMs: clock.now() })
          .where('id', '=', run.runId).execute();
      });
      await emit(run.runId, run.problemId, { status: 'done', phase: 'done', progress: 1, submissionCount, pairCount: pairs.length });
    },

    async failRun(run: RunStart, message: string): Promise<void> {
      await db.updateTable('plagiarismRuns').set({ status: 'failed', error: message.slice(0, 1000), finishedAtMs: clock.now() }).where('id', '=', run.runId).execute();
      await emit(run.runId, run.problemId, { status: 'failed', phase: 'failed', progress: 1, submissionCount: 0, pairCount: 0 });
    },

    /** A student's counted submission changed: their pairs become `pairs` (those with everyone already indexed). */
    async replaceUserPairs(problemId: number, userId: number, pairs: readonly PairToStore[]): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('plagiarismPairs').where('problemId', '=', problemId)
          .where((eb) => eb.or([eb('leftUserId', '=', userId), eb('rightUserId', '=', userId)])).execute();
        await insertPairs(trx, problemId, null, pairs);
      });
    },

    /** Runs a dead embedded worker left queued or running (their in-process jobs died with it). */
    async unfinishedRunIds(): Promise<number[]> {
      const rows = await db.selectFrom('plagiarismRuns').select('id').where('status', 'in', ['queued', 'running']).orderBy('id').execute();
      return rows.map((r) => r.id);
    },
  };
}
export type PlagiarismStore = ReturnType<typeof createPlagiarismStore>;

import {
  AppError, type LanguageId, type PlagiarismFragment, type PlagiarismPairDetail, type PlagiarismReport,
  type PlagiarismReportQuery, type PlagiarismRunBody,
} from '@logicode/contracts';
import { teacherScopeOf } from '../access/teacher-scope.js';
import { isStaff, type Actor, type CoreDeps } from '../context.js';
import { toPairSummary, toRun } from './mappers.js';
import { PLAGIARISM_QUEUE, type PlagiarismQueueMessage } from './queue.js';

/** A queued or running run younger than this is returned instead of starting another (a second click). */
const RUN_REUSE_MS = 30 * 60 * 1000;

/** The teachers' side: request a run, read the report and one pair. Computing is the worker's. */
export function createPlagiarismService(deps: CoreDeps) {
  const { db } = deps.db;
  const queue = () => deps.queue<PlagiarismQueueMessage>(PLAGIARISM_QUEUE);
  const scope = teacherScopeOf(deps);

  function requireStaff(actor: Actor): void {
    if (!isStaff(actor)) throw new AppError('FORBIDDEN');
  }

  async function requireProblem(problemId: number): Promise<void> {
    const problem = await db.selectFrom('problems').select('id').where('id', '=', problemId).executeTakeFirst();
    if (!problem) throw new AppError('NOT_FOUND', 'No such problem.');
  }

  async function names(ids: number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', [...new Set(ids)]).execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  return {
    /** Stores a queued run and enqueues it for the worker; the caller answers 202 with its id. */
    async requestRun(actor: Actor, problemId: number, body: PlagiarismRunBody): Promise<{ runId: number }> {
      requireStaff(actor);
      await requireProblem(problemId);
      const now = deps.clock.now();
      const pending = await db.selectFrom('plagiarismRuns').select('id').where('problemId', '=', problemId)
        .where('status', 'in', ['queued', 'running']).where('createdAtMs', '>', now - RUN_REUSE_MS).orderBy('id', 'desc').executeTakeFirst();
      if (pending) return { runId: pending.id };
      const inserted = await db.insertInto('plagiarismRuns').values({
        problemId, status: 'queued', requestedParams: JSON.stringify(body?.params ?? {}), params: null, progress: 0,
        submissionCount: 0, pairCount: 0, error: null, requestedBy: actor.userId, createdAtMs: now, startedAtMs: null, finishedAtMs: null,
      }).executeTakeFirstOrThrow();
      const runId = Number(inserted.insertId);
      await queue().add({ kind: 'run', runId }, { jobId: `plagiarism-run-${runId}` });
      return { runId };
    },

    /**
     * The latest run and the problem's current pairs, most similar first, with both students' names. A teacher
     * sees only the pairs whose two students are both in their scope (docs/access.md): a pair with a student of
     * another teacher's class is left out entirely (no name, no code, not counted); an admin sees every pair.
     */
    async report(actor: Actor, problemId: number, query: PlagiarismReportQuery): Promise<PlagiarismReport> {
      requireStaff(actor);
      await requireProblem(problemId);
      const visible = await scope.of(actor);
      let base = db.selectFrom('plagiarismPairs').where('problemId', '=', problemId);
      if (!visible.all) {
        // An empty scope matches nothing (an IN list must not be empty).
        const ids = visible.userIds.length ? visible.userIds : [0];
        base = base.where('leftUserId', 'in', ids).where('rightUserId', 'in', ids);
      }
      if (query.language) base = base.where('language', '=', query.language);
      if (query.minSimilarity !== undefined) base = base.where('similarity', '>=', query.minSimilarity);
      const [run, rows, count] = await Promise.all([
        db.selectFrom('plagiarismRuns').selectAll().where('problemId', '=', problemId).orderBy('id', 'desc').limit(1).executeTakeFirst(),
        base.selectAll().orderBy('similarity', 'desc').orderBy('longestFragmentTokens', 'desc').orderBy('id')
          .limit(query.pageSize).offset((query.page - 1) * query.pageSize).execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      const named = await names(rows.flatMap((r) => [r.leftUserId, r.rightUserId]));
      const nameOf = (id: number) => named.get(id) ?? `#${id}`;
      return {
        problemId,
        run: run ? toRun(run) : null,
        items: rows.map((r) => toPairSummary(r, { left: nameOf(r.leftUserId), right: nameOf(r.rightUserId) })),
        page: query.page,
        pageSize: query.pageSize,
        total: Number(count.n),
      };
    },

    /** One pair side by side: both sources, and the matched regions (1-based lines and columns) on each. */
    async pair(actor: Actor, pairId: number): Promise<PlagiarismPairDetail> {
      requireStaff(actor);
      const row = await db.selectFrom('plagiarismPairs').selectAll().where('id', '=', pairId).executeTakeFirst();
      const visible = await scope.of(actor);
      // Both students in scope, as in the report; anything else answers as a missing pair.
      if (!row || !visible.has(row.leftUserId) || !visible.has(row.rightUserId)) throw new AppError('NOT_FOUND', 'No such pair.');
      const subs = await db.selectFrom('submissions').select(['id', 'language', 'code', 'verdict', 'createdAtMs', 'attemptId'])
        .where('id', 'in', [row.leftSubmissionId, row.rightSubmissionId]).execute();
      const named = await names([row.leftUserId, row.rightUserId]);
      // A practice Submit carries no attempt id, but a proctored practice problem opened one: the student's practice
      // attempt at the problem that was open when the submission was made is where its code playback is (both students are in
      // scope here, so their attempts are too).
      const attemptOf = new Map<number, number | null>();
      await Promise.all(subs.map(async (sub) => {
        if (sub.attemptId !== null) return void attemptOf.set(sub.id, sub.attemptId);
        const userId = sub.id === row.leftSubmissionId ? row.leftUserId : row.rightUserId;
        const found = await db.selectFrom('problemSessions').select('id').where('userId', '=', userId).where('problemId', '=', row.problemId)
          .where('assessmentId', 'is', null).where('startedAtMs', '<=', sub.createdAtMs)
          .where((eb) => eb.or([eb('endedAtMs', 'is', null), eb('endedAtMs', '>=', sub.createdAtMs)]))
          .orderBy('startedAtMs', 'desc').limit(1).executeTakeFirst();
        attemptOf.set(sub.id, found?.id ?? null);
      }));
      const summary = toPairSummary(row, { left: named.get(row.leftUserId) ?? `#${row.leftUserId}`, right: named.get(row.rightUserId) ?? `#${row.rightUserId}` });
      const side = (s: typeof summary.left) => {
        const sub = subs.find((x) => x.id === s.submissionId);
        if (!sub) throw new AppError('NOT_FOUND', 'A submission of this pair was deleted.');
        return { ...s, language: sub.language as LanguageId, code: sub.code, verdict: sub.verdict, submittedAt: new Date(Number(sub.createdAtMs)).toISOString(), attemptId: attemptOf.get(sub.id) ?? null };
      };
      return { ...summary, left: side(summary.left), right: side(summary.right), fragments: JSON.parse(row.fragments) as PlagiarismFragment[] };
    },

    /** After a Submit is judged: queue the incremental check (the worker compares it with the problem's index). */
    async submissionJudged(submissionId: number): Promise<void> {
      const row = await db.selectFrom('submissions').select(['problemId', 'mode', 'status']).where('id', '=', submissionId).executeTakeFirst();
      if (!row || row.mode !== 'submit' || row.status !== 'done') return;
      await queue().add({ kind: 'add', problemId: row.problemId, submissionId }, { jobId: `plagiarism-add-${submissionId}` });
    },
  };
}
export type PlagiarismService = ReturnType<typeof createPlagiarismService>;

import { rooms, type LanguageId, type SnapshotData, type SnapshotEdit } from '@logicode/contracts';
import { latestSnapshot } from '@logicode/proctoring';
import type { CoreDeps } from '../context.js';
import type { AttemptsService } from './attempts-service.js';
import { emitTo } from './feed.js';

export interface AutoSubmitRequest {
  userId: number;
  problemId: number;
  attemptId: number;
  language: LanguageId;
  code: string;
}

/** Creates a graded submission (the submissions service: stored, queued for the judge). */
export type AutoSubmitter = (request: AutoSubmitRequest) => Promise<{ submissionId: number }>;

/** `auto_submission_id` markers: claimed by a sweeper, and "deadline passed with no code to submit". */
const CLAIMED = -1;
const NOTHING_TO_SUBMIT = 0;

/**
 * The server-owned clock of timed attempts: once the deadline passes, the latest snapshot is submitted
 * for the student, whether or not a client is still connected (the original's timer lived only in the
 * browser: B16). Runs in the worker every second or so; a claim on the row keeps two workers from both
 * submitting.
 */
export function createDeadlineService(deps: CoreDeps, attempts: AttemptsService, submitter: AutoSubmitter | null) {
  const { db } = deps.db;

  /** Without a submissions service (not wired yet) the request is stored as a queued submission row. */
  const storeRequest: AutoSubmitter = async (req) => {
    const inserted = await db.insertInto('submissions').values({
      userId: req.userId, problemId: req.problemId, language: req.language, mode: 'submit', status: 'queued',
      verdict: null, score: null, code: req.code, customInput: null, compileOutput: null, testCount: 0,
      maxCpuMs: null, maxMemoryKb: null, attemptId: req.attemptId, autoSubmitted: 1, createdAtMs: deps.clock.now(),
      startedAtMs: null, finishedAtMs: null,
    }).executeTakeFirstOrThrow();
    return { submissionId: Number(inserted.insertId) };
  };

  /** The attempt's snapshots are on its owner's shard (the main database without shards). */
  async function latestCode(attemptId: number, userId: number) {
    const rows = await deps.db.shards.forUser(userId).selectFrom('codeSnapshots').select(['kind', 'seq', 'baseSeq', 'language', 'code', 'clientTsMs'])
      .where('attemptId', '=', attemptId).orderBy('seq').execute();
    const snaps = rows.map((r) => {
      const language = r.language as LanguageId;
      const data: SnapshotData = r.kind === 'diff'
        ? { kind: 'diff', seq: r.seq, baseSeq: r.baseSeq ?? 0, language, edits: JSON.parse(r.code) as SnapshotEdit[] }
        : { kind: 'full', seq: r.seq, language, content: r.code };
      return { clientTsMs: Number(r.clientTsMs), data };
    });
    return latestSnapshot(snaps);
  }

  return {
    /** Submits every attempt whose deadline has passed; returns how many it handled. */
    async sweepDeadlines(): Promise<number> {
      const now = deps.clock.now();
      const due = await db.selectFrom('problemSessions').selectAll()
        .where('deadlineAtMs', 'is not', null).where('deadlineAtMs', '<=', now).where('autoSubmissionId', 'is', null)
        .orderBy('deadlineAtMs').limit(100).execute();
      let handled = 0;
      for (const row of due) {
        const claim = await db.updateTable('problemSessions').set({ autoSubmissionId: CLAIMED })
          .where('id', '=', row.id).where('autoSubmissionId', 'is', null).executeTakeFirst();
        if (Number(claim.numUpdatedRows) === 0) continue;
        // An attempt a proctoring rule ended (end_attempt) is not submitted for the student: the rule stopped it,
        // and its points are what its Submits earned before the end (the attempt guard, docs/assessments.md).
        const snapshot = row.endReason === 'rule' ? null : await latestCode(row.id, row.userId);
        let submissionId = NOTHING_TO_SUBMIT;
        if (snapshot?.content) {
          const made = await (submitter ?? storeRequest)({
            userId: row.userId, problemId: row.problemId, attemptId: row.id, language: snapshot.language, code: snapshot.content,
          });
          submissionId = made.submissionId;
        }
        await db.updateTable('problemSessions').set({ autoSubmissionId: submissionId }).where('id', '=', row.id).execute();
        const ended = await attempts.end(row, 'deadline');
        await attempts.notifyEnded({ ...ended, endReason: 'deadline' }, submissionId || null);
        // Its 'submission:made' (autoSubmitted) goes to the teacher feeds from submissions.create (submission-feed.ts).
        if (row.assessmentId !== null) {
          // The teachers watching the assessment see the end (and the auto-submission) without a client doing anything.
          await emitTo(deps.pubsub, [rooms.feedAssessment(row.assessmentId)], 'assessment:update', {
            assessmentId: row.assessmentId, userId: row.userId, kind: submissionId ? 'submission' : 'end',
          });
        }
        handled += 1;
      }
      return handled;
    },
  };
}

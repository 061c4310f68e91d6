import { rooms, type ServerToClientEvents, type SubmissionFeedItem } from '@logicode/contracts';
import type { CoreDeps } from '../context.js';
import { emitTo, feedRooms } from '../proctoring/feed.js';

/**
 * The teacher's live feed of ordinary Runs and Submits (issue 14): 'submission:made' when one is stored and
 * 'submission:judged' when its verdict is, to the student's feed rooms (feed.ts: the admins' rooms and the
 * feed:teacher:<id> of each of the student's teachers). A feed line is a courtesy: a failure to publish is
 * logged, never the submission's failure.
 */
export function createSubmissionFeed(deps: CoreDeps) {
  const { db } = deps.db;

  async function load(submissionId: number) {
    // One query by primary keys: the submission with its student's name and its problem's title.
    return db.selectFrom('submissions').innerJoin('users', 'users.id', 'submissions.userId').innerJoin('problems', 'problems.id', 'submissions.problemId')
      .leftJoin('problemSessions', 'problemSessions.id', 'submissions.attemptId')
      .select([
        'problemSessions.assessmentId as assessmentId',
        'submissions.id', 'submissions.userId', 'submissions.problemId', 'submissions.attemptId', 'submissions.mode',
        'submissions.autoSubmitted', 'submissions.createdAtMs', 'submissions.finishedAtMs', 'submissions.verdict', 'submissions.score',
        'users.name as userName', 'problems.title as problemTitle',
      ])
      .where('submissions.id', '=', submissionId).executeTakeFirst();
  }

  type Row = NonNullable<Awaited<ReturnType<typeof load>>>;
  const itemOf = (row: Row): SubmissionFeedItem => ({
    submissionId: row.id, userId: row.userId, userName: row.userName, problemId: row.problemId, problemTitle: row.problemTitle,
    attemptId: row.attemptId, assessmentId: row.assessmentId ?? null, mode: row.mode === 'run' ? 'run' : 'submit', autoSubmitted: row.autoSubmitted === 1,
    createdAt: new Date(Number(row.createdAtMs)).toISOString(),
  });

  async function publish<E extends 'submission:made' | 'submission:judged'>(
    submissionId: number, event: E, build: (row: Row) => Parameters<ServerToClientEvents[E]>[0],
  ): Promise<void> {
    try {
      const row = await load(submissionId);
      if (!row) return;
      // An assessment's submission also reaches its live view (feed:assessment:<id>, the owner's and admins').
      const targets = await feedRooms(deps, row.userId, row.problemId);
      if (row.assessmentId !== null) targets.push(rooms.feedAssessment(row.assessmentId));
      await emitTo(deps.pubsub, targets, event, build(row));
    } catch (error) {
      deps.log('warn', `could not publish ${event} to the teacher feed`, { submissionId, error: String(error) });
    }
  }

  return {
    /** After a submission is stored (any path: practice, assessment, a deadline's auto-submit). */
    made: (submissionId: number) => publish(submissionId, 'submission:made', itemOf),
    /** After its verdict is stored (the worker's finish path, or an internal error). */
    judged: (submissionId: number) => publish(submissionId, 'submission:judged', (row) => ({
      ...itemOf(row), verdict: row.verdict, score: row.score === null ? null : Number(row.score),
      finishedAt: new Date(Number(row.finishedAtMs ?? deps.clock.now())).toISOString(),
    })),
  };
}
export type SubmissionFeed = ReturnType<typeof createSubmissionFeed>;

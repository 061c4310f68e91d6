import { rooms } from '@logicode/contracts';
import type { CoreDeps } from '../context.js';
import type { PersistResult } from './event-writer.js';
import { emitTo, feedRooms } from './feed.js';
import { toAttempt } from './mappers.js';

/** Pushes what a commit produced to the teacher feeds (and warnings to the student). Call after the commit. */
export function createPersistPublisher(deps: CoreDeps) {
  const { db } = deps.db;
  // The promise is cached, so a burst of events from one student costs one query, not one each.
  const names = new Map<number, Promise<string>>();

  function nameOf(userId: number): Promise<string> {
    let name = names.get(userId);
    if (!name) {
      if (names.size > 10_000) names.clear();
      name = db.selectFrom('users').select('name').where('id', '=', userId).executeTakeFirst()
        .then((row) => row?.name ?? `#${userId}`, () => `#${userId}`);
      names.set(userId, name);
    }
    return name;
  }

  /** A flag in an assessment's attempt also refreshes that assessment's live view (room feed:assessment:<id>). */
  async function notifyAssessments(result: PersistResult): Promise<void> {
    const attemptIds = [...new Set(result.flags.map(({ flag }) => flag.attemptId))];
    if (attemptIds.length === 0) return;
    const rows = await db.selectFrom('problemSessions').select(['assessmentId', 'userId']).where('id', 'in', attemptIds)
      .where('assessmentId', 'is not', null).execute();
    for (const row of rows) {
      await emitTo(deps.pubsub, [rooms.feedAssessment(row.assessmentId!)], 'assessment:update', { assessmentId: row.assessmentId!, userId: row.userId, kind: 'flag' });
    }
  }

  return async function publish(result: PersistResult): Promise<void> {
    const { pubsub } = deps;
    // In parallel: at thousands of events per second, one awaited PUBLISH after another would pace the consumer.
    await Promise.all(result.feedEvents.map(async (event) =>
      emitTo(pubsub, feedRooms(event.userId, event.problemId), 'proctor:event', { event, userName: await nameOf(event.userId) })));
    for (const { flag, counters } of result.flags) {
      await emitTo(pubsub, feedRooms(flag.userId, flag.problemId), 'proctor:flag', { flag, counters });
      if (flag.action !== 'flag') {
        await emitTo(pubsub, [rooms.user(flag.userId)], 'proctor:warning', {
          attemptId: flag.attemptId, rule: flag.rule, action: flag.action, message: flag.reason,
        });
      }
    }
    await notifyAssessments(result);
    for (const attemptId of result.endedAttemptIds) {
      const row = await db.selectFrom('problemSessions').selectAll().where('id', '=', attemptId).executeTakeFirst();
      if (!row) continue;
      await emitTo(pubsub, [rooms.user(row.userId)], 'attempt:ended', { attemptId, reason: 'rule', submissionId: null });
      await emitTo(pubsub, feedRooms(row.userId, row.problemId), 'session:end', { attempt: toAttempt(row) });
    }
  };
}

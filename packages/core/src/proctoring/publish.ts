import { rooms } from '@logicode/contracts';
import type { CoreDeps } from '../context.js';
import type { AttemptWindows } from './attempt-windows.js';
import type { PersistResult } from './event-writer.js';
import { emitTo, feedRooms } from './feed.js';
import { toAttempt } from './mappers.js';

/** Names and titles remembered per process before the memo is dropped (a bound; they rarely change). */
const MAX_REMEMBERED = 10_000;

/** A lookup by id whose promise is cached, so a burst of events from one student costs one query, not one each. */
function remembered(load: (id: number) => Promise<string>) {
  const cache = new Map<number, Promise<string>>();
  return (id: number): Promise<string> => {
    let value = cache.get(id);
    if (!value) {
      if (cache.size > MAX_REMEMBERED) cache.clear();
      value = load(id).catch(() => `#${id}`);
      cache.set(id, value);
    }
    return value;
  };
}

/** Pushes what a commit produced to the teacher feeds (and warnings to the student). Call after the commit. */
export function createPersistPublisher(deps: CoreDeps, windows: AttemptWindows) {
  const { db } = deps.db;
  const nameOf = remembered((id) => db.selectFrom('users').select('name').where('id', '=', id).executeTakeFirst().then((row) => row?.name ?? `#${id}`));
  const titleOf = remembered((id) => db.selectFrom('problems').select('title').where('id', '=', id).executeTakeFirst().then((row) => row?.title ?? `#${id}`));
  /** Every feed line names the student and the problem (issue 14). */
  const namesOf = async (userId: number, problemId: number) => ({ userName: await nameOf(userId), problemTitle: await titleOf(problemId) });

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
    await Promise.all(result.feedEvents.map(async (event) => {
      const [targets, names] = await Promise.all([feedRooms(deps, event.userId, event.problemId), namesOf(event.userId, event.problemId)]);
      await emitTo(pubsub, targets, 'proctor:event', { event, ...names });
    }));
    for (const { flag, counters } of result.flags) {
      const [targets, names] = await Promise.all([feedRooms(deps, flag.userId, flag.problemId), namesOf(flag.userId, flag.problemId)]);
      await emitTo(pubsub, targets, 'proctor:flag', { flag, counters, ...names });
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
      await windows.changed(row.userId); // a rule ended it: every process's ingest refuses its events at once
      await emitTo(pubsub, [rooms.user(row.userId)], 'attempt:ended', { attemptId, reason: 'rule', submissionId: null });
      await emitTo(pubsub, await feedRooms(deps, row.userId, row.problemId), 'session:end', { attempt: toAttempt(row), ...(await namesOf(row.userId, row.problemId)) });
    }
  };
}

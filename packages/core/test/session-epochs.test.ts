// Session epochs: the per-process memory of each user's epoch is read from the database once, bumped at once in
// the process that bumps it, and carried to other processes over pub/sub (two "processes" sharing real Redis and
// one real database, SQLite and MariaDB) — without waiting for the memory to go stale. And the fast path of an
// authenticated request (a verified token and a remembered epoch) does no I/O: measured below.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { TEST_DIALECTS, createTestDatabase, type TestDatabase } from '@logicode/db/testing';
import { createMemoryPubSub, createRedisPubSub, systemClock, type PubSub } from '@logicode/platform';
import { createSessionEpochs, SESSION_CHANNEL, type SessionChangeMessage } from '../src/accounts/session-epochs.js';

const REDIS_URL = process.env.LOGICODE_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

for (const dialect of TEST_DIALECTS) {
  describe(`session epochs [${dialect}]`, () => {
    let database: TestDatabase;
    const pubsubs: PubSub[] = [];
    let userId: number;

    before(async () => {
      database = await createTestDatabase(dialect);
      const created = await database.handle.db.insertInto('users')
        .values({ name: 'Ann', email: `ann-${dialect}@epochs.test`, passwordHash: 'x', role: 'student', createdAtMs: 1, updatedAtMs: 1 })
        .executeTakeFirstOrThrow();
      userId = Number(created.insertId);
    });
    after(async () => {
      for (const pubsub of pubsubs) await pubsub.close();
      await database.drop();
    });

    it('starts at 0, bumps by one, and remembers the bump in the bumping process at once', async () => {
      const pubsub = createMemoryPubSub();
      pubsubs.push(pubsub);
      const epochs = createSessionEpochs({ db: database.handle, pubsub, clock: systemClock });
      const seen: SessionChangeMessage[] = [];
      await pubsub.subscribe(SESSION_CHANNEL, (m) => seen.push(m as SessionChangeMessage));
      const before = await epochs.current(userId);
      const after = await epochs.bump({ userId, reason: 'signed_out', sessionId: 'abc' });
      assert.equal(after, before + 1);
      assert.equal(await epochs.current(userId), after);
      assert.deepEqual(seen, [{ userId, reason: 'signed_out', sessionId: 'abc', epoch: after }]);
      assert.equal(await epochs.current(999_999), Number.MAX_SAFE_INTEGER, 'a user who does not exist has no valid token');
    });

    it('another process learns a bump over Redis pub/sub while its memory is still fresh', async () => {
      const prefix = `test-epochs-${randomBytes(4).toString('hex')}:`;
      const [a, b] = [createRedisPubSub(REDIS_URL, prefix), createRedisPubSub(REDIS_URL, prefix)];
      pubsubs.push(a, b);
      const epochsA = createSessionEpochs({ db: database.handle, pubsub: a, clock: systemClock });
      const epochsB = createSessionEpochs({ db: database.handle, pubsub: b, clock: systemClock });
      const start = await epochsB.current(userId);
      await epochsA.current(userId); // A subscribes too
      // A change in the database alone (no message) is not seen by B while its memory is fresh: B answers from
      // memory, not from a read per call (the fast path).
      await database.handle.db.updateTable('users').set({ sessionEpoch: start + 5 }).where('id', '=', userId).execute();
      assert.equal(await epochsB.current(userId), start);
      const bumped = await epochsA.bump({ userId, reason: 'role_changed' });
      assert.equal(bumped, start + 6);
      const deadline = Date.now() + 2000;
      while ((await epochsB.current(userId)) !== bumped && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      assert.equal(await epochsB.current(userId), bumped, 'B learnt the bump from the message');
    });
  });
}

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { IngestMessage, PersistResult } from '../src/proctoring/event-writer.js';
import { createGroupCommit } from '../src/proctoring/group-commit.js';

const message = (userId: number): IngestMessage => ({ userId, receivedAtMs: 0, events: [] });
const empty = (): PersistResult => ({ stored: 0, feedEvents: [], flags: [], endedAttemptIds: [] });

// The database side is proven through the api (apps/api/test/proctor/ingest.test.ts: each batch on disk when
// answered); here the grouping itself: who shares a commit, and that one bad batch does not sink the others.
describe('group commit', () => {
  it('a lone batch is committed at once; batches arriving meanwhile share the next commit', async () => {
    const commits: number[][] = [];
    let release: () => void = () => undefined;
    const group = createGroupCommit({
      persist: async (messages) => {
        commits.push(messages.map((m) => m.userId));
        if (commits.length === 1) await new Promise<void>((resolve) => (release = resolve));
        return empty();
      },
    });
    const first = group.write(message(1));
    const rest = [2, 3, 4].map((u) => group.write(message(u)));
    assert.deepEqual(commits, [[1]], 'the first starts alone, without waiting for company');
    release();
    await Promise.all([first, ...rest]);
    assert.deepEqual(commits, [[1], [2, 3, 4]]);
  });

  it('a batch that fails alone is refused alone; the others of its group are stored', async () => {
    const stored: number[] = [];
    let hold: Promise<void> | null = new Promise<void>((resolve) => setTimeout(resolve, 10));
    const group = createGroupCommit({
      persist: async (messages) => {
        if (hold) await hold;
        hold = null;
        if (messages.some((m) => m.userId === 13)) throw new Error('poisoned');
        stored.push(...messages.map((m) => m.userId));
        return empty();
      },
    });
    const outcomes = await Promise.allSettled([10, 11, 12, 13, 14].map((u) => group.write(message(u))));
    assert.deepEqual(outcomes.map((o) => o.status), ['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    assert.deepEqual(stored.sort(), [10, 11, 12, 14]);
  });

  it('publishes once per commit, after it', async () => {
    const published: number[] = [];
    const group = createGroupCommit({
      persist: async (messages) => ({ ...empty(), stored: messages.length }),
      onPersisted: async (result) => void published.push(result.stored),
    });
    await Promise.all([1, 2, 3].map((u) => group.write(message(u))));
    assert.equal(published.reduce((a, b) => a + b, 0), 3);
    assert.ok(published.length < 3, `three batches in ${published.length} commits`);
  });
});

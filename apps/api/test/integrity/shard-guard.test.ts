// The attempt guard on the sharded writer (DATABASE_SHARD_URLS, MariaDB): events land on the user's shard only when
// the attempt is the sender's and the time is inside its window; a flush within the grace is stored marked late on
// the shard. Fed through HTTP and straight to the writer (what the stream consumer calls).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { PROCTOR_LATE_GRACE_MS, type SessionResponse } from '@logicode/contracts';
import { createRuntime, publishAttemptChange, type Runtime } from '@logicode/core';
import { createDb, DEFAULT_POOL, type DbHandle, type ShardDatabase } from '@logicode/db';
import { shardedTestUrls, type ShardedTestUrls } from '@logicode/db/testing';
import { buildApp } from '../../src/app.js';
import { loadApiConfig } from '../../src/config.js';
import { event, importProblem, postEvents, startAttempt, type Headers } from '../proctor/helpers.js';

const SHARDS = 2;

describe('the attempt guard on shard databases [mysql]', () => {
  let urls: ShardedTestUrls;
  let runtime: Runtime;
  let app: FastifyInstance;
  let dataDir: string;
  let direct: DbHandle[];
  let counter = 0;
  const people: { id: number; headers: Headers }[] = [];
  let problemId: number;

  async function user(role: 'admin' | 'student') {
    counter += 1;
    const email = `${role}${counter}-${Date.now()}@guard-shards.test`;
    await runtime.core.accounts.createUser({ name: `${role} ${counter}`, email, password: 'password-123', role });
    const session = (await runtime.core.accounts.login({ email, password: 'password-123' }, `10.2.0.${counter}`)) as SessionResponse;
    return { id: session.user.id, headers: { authorization: `Bearer ${session.accessToken}` } };
  }
  const onShard = async (userId: number, attemptId: number) => {
    const shard = direct[userId % SHARDS]!.db as unknown as Kysely<ShardDatabase>;
    const [events, snaps] = await Promise.all([
      shard.selectFrom('proctorEvents').select(['id', 'late']).where('attemptId', '=', attemptId).execute(),
      shard.selectFrom('codeSnapshots').select(['id', 'late']).where('attemptId', '=', attemptId).execute(),
    ]);
    return [...events, ...snaps].map((r) => [r.id, Number(r.late)]);
  };

  before(async () => {
    urls = shardedTestUrls(SHARDS);
    dataDir = mkdtempSync(join(tmpdir(), 'logicode-guard-shards-'));
    const config = loadApiConfig({
      JWT_SECRET: 'test-secret-test-secret-test-secret-1234', LOG_LEVEL: 'silent', DATA_DIR: dataDir,
      WEB_DIST_DIR: join(dataDir, 'no-web'), DATABASE_URL: urls.url, DATABASE_SHARD_URLS: urls.shardUrls.join(','), DB_POOL_SIZE: '4',
    });
    runtime = await createRuntime({ db: config.db, redisUrl: null, redisPrefix: 'test:', core: config.core, migrate: true, validateProblems: false, log: () => undefined });
    app = await buildApp({ config, runtime, gateway: false, logger: false });
    await app.ready();
    direct = urls.shardUrls.map((url) => createDb({ url, pool: { ...DEFAULT_POOL, connectionLimit: 2 } }));
    const admin = await user('admin');
    problemId = await importProblem({ app } as never, admin.headers, { slug: 'guard-shard', title: 'Guarded', timedDurationSec: 600 });
    people.push(await user('student'), await user('student'));
  });
  after(async () => {
    await app?.close();
    await runtime?.close();
    await Promise.all((direct ?? []).map((d) => d.close()));
    await urls?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses another student\'s attempt, backdated and post-grace events; stores a late flush marked late', async () => {
    const [ann, ben] = people as [{ id: number; headers: Headers }, { id: number; headers: Headers }];
    const { attempt } = await startAttempt({ app } as never, ann.headers, problemId);
    const foreign = await postEvents({ app } as never, ben.headers, [event(problemId, attempt.id, 'tab_hidden')]);
    assert.equal(foreign.json().accepted, 0);
    const backdated = await postEvents({ app } as never, ann.headers, [{ ...event(problemId, attempt.id, 'tab_hidden'), clientTsMs: Date.now() - 24 * 3600_000 }]);
    assert.equal(backdated.json().accepted, 0);
    assert.deepEqual(await onShard(ann.id, attempt.id), [], 'nothing on the shard');

    // The deadline passed a minute ago: a flush of something recorded before it is stored late, on the shard.
    const endMs = Date.now() - 60_000;
    await runtime.db.db.updateTable('problemSessions').set({ deadlineAtMs: endMs, startedAtMs: endMs - 300_000 }).where('id', '=', attempt.id).execute();
    await publishAttemptChange(runtime.core.deps, ann.id); // as the code that moves a deadline does (attempt-windows.ts)
    const flushed = { ...event(problemId, attempt.id, 'paste', { length: 10, place: 'editor' }), clientTsMs: endMs - 5000 };
    const res = await postEvents({ app } as never, ann.headers, [flushed]);
    assert.equal(res.json().accepted, 1, res.body);
    assert.deepEqual(await onShard(ann.id, attempt.id), [[flushed.id, 1]]);

    // The writer (the stream consumer's path): a forged sender, and a message received after the grace.
    const writer = runtime.core.proctoring.writer;
    assert.equal((await writer.persist([{ userId: ben.id, receivedAtMs: Date.now(), events: [event(problemId, attempt.id, 'tab_hidden') as never] }])).stored, 0);
    const stale = { ...event(problemId, attempt.id, 'tab_hidden'), clientTsMs: endMs - 1000 };
    assert.equal((await writer.persist([{ userId: ann.id, receivedAtMs: endMs + PROCTOR_LATE_GRACE_MS + 1, events: [stale as never] }])).stored, 0);
    assert.deepEqual(await onShard(ann.id, attempt.id), [[flushed.id, 1]], 'still only the late flush');
  });
});

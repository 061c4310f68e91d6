// DATABASE_SHARD_URLS on the machine's MariaDB: a main database and three shards, created and migrated by the
// runtime at start as in production; proctor events over HTTP (buildApp) land on the user's shard, teacher
// views gather them, retried and redelivered batches count once.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { sql, type Kysely } from 'kysely';
import type { SessionResponse } from '@logicode/contracts';
import { createRuntime, DEFAULT_RETENTION, runRetention, type Runtime } from '@logicode/core';
import { createDb, DEFAULT_POOL, type DbHandle, type ShardDatabase } from '@logicode/db';
import { shardedTestUrls, type ShardedTestUrls } from '@logicode/db/testing';
import { buildApp } from '../../src/app.js';
import { loadApiConfig } from '../../src/config.js';
import { event, importProblem, postEvents, startAttempt, type Headers } from './helpers.js';

const SHARDS = 3;

interface Student {
  id: number;
  headers: Headers;
  attemptId: number;
}

describe('proctoring on shard databases (DATABASE_SHARD_URLS) [mysql]', () => {
  let urls: ShardedTestUrls;
  let runtime: Runtime;
  let app: FastifyInstance;
  let dataDir: string;
  /** Each shard opened on its own, to look at what landed where. */
  let direct: DbHandle[];
  const shard = (index: number) => direct[index]!.db as unknown as Kysely<ShardDatabase>;
  let teacher: Headers;
  let problemId: number;
  const students: Student[] = [];
  let counter = 0;

  async function user(role: 'admin' | 'teacher' | 'student') {
    counter += 1;
    const email = `${role}${counter}-${Date.now()}@shards.test`;
    await runtime.core.accounts.createUser({ name: `${role} ${counter}`, email, password: 'password-123', role });
    const session = (await runtime.core.accounts.login({ email, password: 'password-123' }, `10.1.0.${counter}`)) as SessionResponse;
    return { id: session.user.id, headers: { authorization: `Bearer ${session.accessToken}` } };
  }

  const eventsOn = async (index: number) => shard(index).selectFrom('proctorEvents').selectAll().execute();
  const countersOf = async (attemptId: number) => JSON.parse((await runtime.db.db.selectFrom('problemSessions').select('counters')
    .where('id', '=', attemptId).executeTakeFirstOrThrow()).counters) as Record<string, number>;

  before(async () => {
    urls = shardedTestUrls(SHARDS);
    dataDir = mkdtempSync(join(tmpdir(), 'logicode-shards-'));
    // Through the api's own config parsing, as `logicode api` would read it.
    const config = loadApiConfig({
      JWT_SECRET: 'test-secret-test-secret-test-secret-1234', LOG_LEVEL: 'silent', DATA_DIR: dataDir,
      WEB_DIST_DIR: join(dataDir, 'no-web'), DATABASE_URL: urls.url, DATABASE_SHARD_URLS: urls.shardUrls.join(','), DB_POOL_SIZE: '5',
    });
    assert.deepEqual(config.db.shardUrls, urls.shardUrls);
    runtime = await createRuntime({
      db: config.db, redisUrl: null, redisPrefix: 'test:', core: config.core, migrate: true, validateProblems: false, log: () => undefined,
    });
    app = await buildApp({ config, runtime, gateway: false, logger: false });
    await app.ready();
    direct = urls.shardUrls.map((url) => createDb({ url, pool: { ...DEFAULT_POOL, connectionLimit: 2 } }));
    const admin = await user('admin');
    const teacherUser = await user('teacher');
    teacher = teacherUser.headers;
    problemId = await importProblem({ app } as never, admin.headers, { timedDurationSec: 3600 }); // an exam: practice raises no flag
    // Sequential ids: four students cover every shard (id mod 3), one shard twice.
    for (let i = 0; i < 4; i += 1) {
      const s = await user('student');
      students.push({ ...s, attemptId: (await startAttempt({ app } as never, s.headers, problemId)).attempt.id });
    }
    // The teacher's class holds the four (a teacher sees their own students: docs/access.md), so the teacher's
    // event reads below are scoped reads (user_id IN …) on every shard.
    const { db } = runtime.db;
    const classId = Number((await db.insertInto('classes').values({ name: 'Sharded class', teacherId: teacherUser.id, joinCode: 'SHARDCLS', createdAtMs: Date.now() }).executeTakeFirstOrThrow()).insertId);
    await db.insertInto('classMembers').values(students.map((s) => ({ classId, userId: s.id, joinedAtMs: Date.now() }))).execute();
  });

  after(async () => {
    await app?.close();
    await runtime?.close();
    await Promise.all((direct ?? []).map((d) => d.close()));
    await urls?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('ran every migration on the main database and on every shard', async () => {
    const applied = async (db: Kysely<unknown>, table: string) =>
      (await sql<{ name: string }>`select name from ${sql.table(table)} order by name`.execute(db)).rows.map((r) => r.name);
    const onMain = await applied(runtime.db.db as Kysely<unknown>, 'kysely_migration');
    assert.ok(onMain.includes('0001-initial') && onMain.includes('0095-folded-seq'));
    for (let index = 0; index < SHARDS; index += 1) {
      const db = direct[index]!.db as Kysely<unknown>;
      assert.deepEqual(await applied(db, 'kysely_migration'), onMain, `shard ${index}: the whole schema`);
      assert.deepEqual(await applied(db, 'kysely_shard_migration'), ['0001-fold-seq'], `shard ${index}: the shard-only set`);
    }
    const mainTables = (await runtime.db.db.introspection.getTables()).map((t) => t.name);
    assert.ok(!mainTables.includes('proctor_attempt_seqs'), 'the numbering table is on shards only');
  });

  it('stores each user\'s events and snapshots on shard userId mod 3 only, and folds counters on main', async () => {
    for (const s of students) {
      const batch = [
        event(problemId, s.attemptId, 'tab_hidden'), event(problemId, s.attemptId, 'tab_visible', { hiddenMs: 500 }),
        event(problemId, s.attemptId, 'paste', { length: 5, place: 'editor' }),
        event(problemId, s.attemptId, 'code_snapshot', { kind: 'full', seq: 1, language: 'python', content: `print(${s.id})\n` }),
      ];
      const res = await postEvents({ app } as never, s.headers, batch);
      assert.equal(res.statusCode, 202, res.body);
      assert.equal(res.json().accepted, 4);
    }
    for (let index = 0; index < SHARDS; index += 1) {
      const rows = await eventsOn(index);
      const owners = students.filter((s) => s.id % SHARDS === index);
      assert.ok(owners.length > 0, `a student on shard ${index}`);
      assert.deepEqual([...new Set(rows.map((r) => r.userId))].sort(), owners.map((s) => s.id).sort(), `shard ${index} holds exactly its users`);
      assert.equal(rows.length, owners.length * 3);
      const snaps = await shard(index).selectFrom('codeSnapshots').select(['userId', 'foldSeq']).execute();
      assert.deepEqual(snaps.map((r) => r.userId).sort(), owners.map((s) => s.id).sort());
      assert.ok(rows.every((r) => Number(r.foldSeq) >= 1), 'every row numbered for folding');
    }
    const onMain = await runtime.db.db.selectFrom('proctorEvents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(onMain.n), 0, 'nothing on the main database');
    for (const s of students) {
      const counters = await countersOf(s.attemptId);
      assert.deepEqual([counters.tabHidden, counters.paste, counters.snapshots], [1, 1, 1]);
    }
  });

  it('stores and counts a retried batch once, also when two writers persist it at the same time', async () => {
    const s = students[1]!;
    const before = await countersOf(s.attemptId);
    const batch = [event(problemId, s.attemptId, 'window_blur'), event(problemId, s.attemptId, 'window_focus', { blurredMs: 100 }), event(problemId, s.attemptId, 'tab_hidden')];
    for (let i = 0; i < 3; i += 1) assert.equal((await postEvents({ app } as never, s.headers, batch)).statusCode, 202);
    // A stream redelivery while the first copy is still being written: two persists of one message at once.
    const again = [event(problemId, s.attemptId, 'tab_hidden'), event(problemId, s.attemptId, 'right_click', { place: 'editor' })];
    const message = { userId: s.id, receivedAtMs: Date.now(), events: again as never };
    const results = await Promise.all([0, 1].map(() => runtime.core.proctoring.writer.persist([message])));
    assert.equal(results[0]!.stored + results[1]!.stored, 2, 'the two copies stored the two events once between them');
    assert.deepEqual(results.flatMap((r) => r.feedEvents.map((e) => e.type)), ['tab_hidden'], 'the medium event is pushed live once');
    const after = await countersOf(s.attemptId);
    assert.equal(after.tabHidden, before.tabHidden! + 2);
    assert.equal(after.windowBlur, before.windowBlur! + 1);
    assert.equal(after.rightClick, (before.rightClick ?? 0) + 1);
    const ids = [...batch, ...again].map((e) => e.id);
    const stored = await shard(s.id % SHARDS).selectFrom('proctorEvents').select('id').where('id', 'in', ids).execute();
    assert.equal(stored.length, 5);
  });

  it('after a crash between the shard commit and the main fold, the redelivered batch is folded exactly once', async () => {
    const s = students[2]!;
    const index = s.id % SHARDS;
    const before = await countersOf(s.attemptId);
    // What step 1 of the sharded writer leaves behind when the process dies before step 2: numbered, unfolded rows.
    const lost = event(problemId, s.attemptId, 'tab_hidden');
    await shard(index).transaction().execute(async (trx) => {
      const { lastSeq } = await trx.selectFrom('proctorAttemptSeqs').select('lastSeq').where('attemptId', '=', s.attemptId).forUpdate().executeTakeFirstOrThrow();
      await trx.insertInto('proctorEvents').values({
        id: lost.id, userId: s.id, problemId, attemptId: s.attemptId, type: 'tab_hidden', severity: 'low', payload: '{}',
        clientTsMs: lost.clientTsMs, createdAtMs: Date.now(), foldSeq: lastSeq + 1,
      }).execute();
      await trx.updateTable('proctorAttemptSeqs').set({ lastSeq: lastSeq + 1 }).where('attemptId', '=', s.attemptId).execute();
    });
    const redelivered = await runtime.core.proctoring.writer.persist([{ userId: s.id, receivedAtMs: Date.now(), events: [lost] as never }]);
    assert.equal(redelivered.stored, 0, 'already on the shard');
    assert.equal((await countersOf(s.attemptId)).tabHidden, before.tabHidden! + 1, 'folded now');
    await runtime.core.proctoring.writer.persist([{ userId: s.id, receivedAtMs: Date.now(), events: [lost] as never }]);
    assert.equal((await countersOf(s.attemptId)).tabHidden, before.tabHidden! + 1, 'and not again');
  });

  it('raises flags from sharded events (rules run on the fold)', async () => {
    const s = students[3]!;
    const res = await postEvents({ app } as never, s.headers, [event(problemId, s.attemptId, 'devtools_shortcut', { key: 'F12' })]);
    assert.equal(res.statusCode, 202, res.body);
    const flags = (await app.inject({ method: 'GET', url: `/api/teacher/flags?userId=${s.id}`, headers: teacher })).json().items;
    assert.ok(flags.some((f: { rule: string; attemptId: number }) => f.rule === 'devtools' && f.attemptId === s.attemptId), JSON.stringify(flags));
  });

  it('teacher views gather every shard in global order, with correct pages', async () => {
    // More events, several per millisecond on several shards, so the order depends on the id tie-break too.
    for (let round = 0; round < 3; round += 1) {
      for (const s of students) {
        // Round 1 with upper-case UUIDs (valid too): the merge must order ids exactly as the databases do.
        const batch = Array.from({ length: 4 }, () => event(problemId, s.attemptId, 'right_click', { place: 'other' }))
          .map((e) => (round === 1 ? { ...e, id: e.id.toUpperCase() } : e));
        const res = await postEvents({ app } as never, s.headers, batch);
        assert.equal(res.statusCode, 202, res.body);
        assert.equal(res.json().accepted, 4, res.body);
      }
    }
    const all = (await Promise.all([0, 1, 2].map(eventsOn))).flat();
    const expected = all.sort((a, b) => Number(b.createdAtMs) - Number(a.createdAtMs) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)).map((r) => r.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 100; pages += 1) {
      const url: string = `/api/teacher/events?limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = (await app.inject({ method: 'GET', url, headers: teacher })).json();
      assert.ok(page.items.length <= 7);
      for (const item of page.items as { id: string; userName: string }[]) {
        assert.ok(item.userName.startsWith('student '), 'names from the main database');
        seen.push(item.id);
      }
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    assert.deepEqual(seen, expected, 'the pages, concatenated, are every event once in global newest-first order');

    const s = students[0]!;
    const mine = (await app.inject({ method: 'GET', url: `/api/teacher/events?userId=${s.id}&limit=500`, headers: teacher })).json().items;
    assert.equal(mine.length, all.filter((r) => r.userId === s.id).length);
    const byAttempt = (await app.inject({ method: 'GET', url: `/api/teacher/events?attemptId=${s.attemptId}&type=right_click&limit=500`, headers: teacher })).json().items;
    assert.equal(byAttempt.length, 12);

    const timeline = (await app.inject({ method: 'GET', url: `/api/teacher/attempts/${s.attemptId}/timeline`, headers: teacher })).json();
    assert.equal(timeline.events.length, mine.length + 1, 'the attempt\'s events and its snapshot, from its shard');
    assert.equal(timeline.events.find((e: { type: string }) => e.type === 'code_snapshot').data.content, `print(${s.id})\n`);

    const dash = (await app.inject({ method: 'GET', url: '/api/teacher/dashboard', headers: teacher })).json();
    assert.equal(dash.eventsToday, all.length, 'events today summed over the shards');
  });

  it('reports every shard pool in /metrics and pings every shard in /readyz', async () => {
    const metrics = (await app.inject({ method: 'GET', url: '/metrics' })).body;
    for (let index = 0; index < SHARDS; index += 1) assert.match(metrics, new RegExp(`database_active_connections\\{pool="shard-${index}"\\}`));
    assert.equal((await app.inject({ method: 'GET', url: '/readyz' })).statusCode, 200);
  });

  it('retention counts and deletes on every shard', async () => {
    const deps = runtime.core.deps;
    const total = (await Promise.all([0, 1, 2].map(eventsOn))).flat().length;
    const everything = { ...DEFAULT_RETENTION, lowSeverityEventsDays: 0, allEventsDays: 0, snapshotsDays: 0 };
    // Events stamped in this millisecond are not older than "now": wait one.
    await new Promise((r) => setTimeout(r, 5));
    const dry = await runRetention(deps, everything, { dryRun: true });
    assert.equal(dry.events, total);
    assert.equal(dry.snapshots, students.length);
    await runRetention(deps, everything, { dryRun: false });
    for (let index = 0; index < SHARDS; index += 1) {
      assert.equal((await eventsOn(index)).length, 0);
      assert.equal((await shard(index).selectFrom('codeSnapshots').selectAll().execute()).length, 0);
    }
  });
});

describe('DATABASE_SHARD_URLS configuration', () => {
  const base = { JWT_SECRET: 'test-secret-test-secret-test-secret-1234', DATA_DIR: tmpdir() };

  it('is a comma-separated list of mysql URLs, in shard order; absent means no shards', () => {
    const config = loadApiConfig({ ...base, DATABASE_URL: 'mysql://root@127.0.0.1:3306/main', DATABASE_SHARD_URLS: 'mysql://a@h:1/s0, mariadb://b@h:2/s1' });
    assert.deepEqual(config.db.shardUrls, ['mysql://a@h:1/s0', 'mariadb://b@h:2/s1']);
    assert.equal(loadApiConfig(base).db.shardUrls, undefined);
    assert.throws(() => loadApiConfig({ ...base, DATABASE_SHARD_URLS: 'sqlite:./x.db' }), /DATABASE_SHARD_URLS/);
    assert.throws(() => loadApiConfig({ ...base, DATABASE_SHARD_URLS: 'mysql://h:1' }), /DATABASE_SHARD_URLS/);
  });

  it('needs a MySQL main database: SQLite with shards is refused at start', () => {
    assert.throws(() => createDb({ url: 'sqlite::memory:', shardUrls: ['mysql://root@127.0.0.1:3306/x'], pool: DEFAULT_POOL }), /DATABASE_SHARD_URLS/);
    const embedded = createDb({ url: 'sqlite::memory:', pool: DEFAULT_POOL });
    assert.equal(embedded.shards.sharded, false);
    assert.equal(embedded.shards.forUser(7), embedded.db, 'without shards every user routes to the main database');
    void embedded.close();
  });
});

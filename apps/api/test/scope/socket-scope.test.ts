// Teacher scope over real Socket.IO connections (issue 14, item 4): each feed room is checked per room, with
// ownership and existence; a teacher's dashboard room feed:teacher:<id> receives the events, flags and
// submissions of that teacher's students (naming the student and the problem) and nothing of anyone else's.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { io, type Socket } from 'socket.io-client';
import { rooms } from '@logicode/contracts';
import { SOCKET_EMIT_CHANNEL } from '@logicode/core';
import { buildApp } from '../../src/app.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { assessmentBody, judge, publishedAssessment } from '../assessments/helpers.js';
import type { Headers } from '../proctor/helpers.js';
import { buildSchool, type School } from './helpers.js';

interface Live { t: TestApp; app: FastifyInstance; url: string; sockets: Socket[] }

async function startLive(env: Record<string, string> = {}): Promise<Live> {
  const t = await createTestApp('sqlite', env);
  const app = await buildApp({ config: t.config, runtime: t.runtime, gateway: true, logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  return { t, app, url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`, sockets: [] };
}

async function stopLive(live: Live): Promise<void> {
  for (const s of live.sockets) s.disconnect();
  await live.app.close();
  await live.t.close();
}

async function connect(live: Live, headers: Headers): Promise<Socket> {
  const socket = io(live.url, {
    path: '/socket.io', transports: ['websocket'], reconnection: false, auth: { token: headers.authorization.slice(7) },
    // The gateway checks Origin against the configured origins (or the request's own host).
    extraHeaders: { origin: live.url },
  });
  live.sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => reject(error));
  });
  return socket;
}

const join = (socket: Socket, room: string) => new Promise<{ ok: boolean; error?: string }>((resolve) => socket.emit('feed:join', room, resolve));

/** Everything a socket receives, by event name. */
function recorder(socket: Socket) {
  const got: { name: string; payload: any }[] = []; // eslint-disable-line @typescript-eslint/no-explicit-any
  socket.onAny((name: string, payload: unknown) => got.push({ name, payload }));
  return {
    got,
    async waitFor(name: string, match: (payload: any) => boolean = () => true, timeoutMs = 5000) { // eslint-disable-line @typescript-eslint/no-explicit-any
      const started = Date.now();
      while (Date.now() - started < timeoutMs) {
        const hit = got.find((g) => g.name === name && match(g.payload));
        if (hit) return hit.payload;
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error(`no ${name} within ${timeoutMs} ms; got ${got.map((g) => g.name).join(', ')}`);
    },
  };
}

describe('teacher scope over Socket.IO [sqlite]', () => {
  let live: Live;
  let s: School;
  let assessmentA: number;
  let assessmentB: number;

  before(async () => {
    live = await startLive();
    s = await buildSchool(live.t);
    assessmentA = await publishedAssessment(live.t, s.teacherA.headers, assessmentBody(s.classA, [s.problemId]));
    assessmentB = await publishedAssessment(live.t, s.teacherB.headers, assessmentBody(s.classB, [s.problemId]));
  });
  after(() => stopLive(live));

  it('a teacher joins only their own rooms: not another teacher\'s or a missing assessment, feed:all, feed:problem, another teacher\'s student or dashboard', async () => {
    const socket = await connect(live, s.teacherA.headers);
    for (const room of [rooms.feedAssessment(assessmentB), rooms.feedAssessment(999_999), rooms.feedAll(), rooms.feedProblem(s.problemId),
      rooms.feedStudent(s.bella.id), rooms.feedStudent(999_999), rooms.feedTeacher(s.teacherB.id), 'feed:assessment:abc', 'feed:teacher:', 'feed:everything']) {
      assert.deepEqual(await join(socket, room), { ok: false, error: 'FORBIDDEN' }, room);
    }
    for (const room of [rooms.feedAssessment(assessmentA), rooms.feedStudent(s.alice.id), rooms.feedTeacher(s.teacherA.id)]) {
      assert.deepEqual(await join(socket, room), { ok: true }, room);
    }
  });

  it('an admin joins feed:all, feed:problem and any existing assessment, but not a missing one; a student joins none', async () => {
    const admin = await connect(live, s.admin.headers);
    for (const room of [rooms.feedAll(), rooms.feedProblem(s.problemId), rooms.feedAssessment(assessmentB), rooms.feedStudent(s.bella.id)]) {
      assert.deepEqual(await join(admin, room), { ok: true }, room);
    }
    assert.equal((await join(admin, rooms.feedAssessment(999_999))).ok, false);
    const student = await connect(live, s.alice.headers);
    for (const room of [rooms.feedAll(), rooms.feedStudent(s.alice.id), rooms.feedTeacher(s.teacherA.id), rooms.feedAssessment(assessmentA)]) {
      assert.equal((await join(student, room)).ok, false, room);
    }
  });

  it('a student\'s Run/Submit, its verdict, events and flags reach feed:teacher:<their teacher> with names, and not another teacher', async () => {
    const { t } = live;
    const mine = await connect(live, s.teacherA.headers);
    const other = await connect(live, s.teacherB.headers);
    assert.equal((await join(mine, rooms.feedTeacher(s.teacherA.id))).ok, true);
    assert.equal((await join(other, rooms.feedTeacher(s.teacherB.id))).ok, true);
    const a = recorder(mine);
    const b = recorder(other);

    // An ordinary Submit through the API, then its verdict through the worker's finish path.
    const res = await t.app.inject({ method: 'POST', url: '/api/submissions', headers: s.alice.headers, payload: { problemId: s.problemId, language: 'python', code: 'print(3)\n', mode: 'submit' } });
    assert.equal(res.statusCode, 202, res.body);
    const submissionId = res.json().id as number;
    const made = await a.waitFor('submission:made', (p) => p.submissionId === submissionId);
    assert.deepEqual({ userName: made.userName, problemTitle: made.problemTitle, mode: made.mode, userId: made.userId, autoSubmitted: made.autoSubmitted },
      { userName: 'Alice Chen', problemTitle: s.problemTitle, mode: 'submit', userId: s.alice.id, autoSubmitted: false });
    await judge(t, submissionId, 100);
    const judged = await a.waitFor('submission:judged', (p) => p.submissionId === submissionId);
    assert.equal(judged.verdict, 'AC');
    assert.equal(judged.score, 100);
    assert.equal(judged.userName, 'Alice Chen');

    // An event and a flag as the ingest consumer publishes them after a commit.
    const now = Date.now();
    const event = { id: randomUUID(), userId: s.alice.id, problemId: s.problemId, attemptId: s.alice.attemptId, type: 'paste' as const, severity: 'high' as const,
      data: { length: 900, place: 'editor' }, clientTsMs: now, receivedAt: new Date(now).toISOString() };
    const flag = { id: s.alice.flagId, attemptId: s.alice.attemptId, userId: s.alice.id, problemId: s.problemId, rule: 'large_paste' as const,
      reason: 'Pasted 900 characters', severity: 'high' as const, action: 'flag' as const, eventId: event.id, status: 'open' as const, note: null,
      createdAt: new Date(now).toISOString(), updatedAt: new Date(now).toISOString() };
    await t.runtime.core.proctoring.publish({ stored: 1, feedEvents: [event], flags: [{ flag: flag as never, counters: null as never }], endedAttemptIds: [] });
    const seen = await a.waitFor('proctor:event', (p) => p.event.id === event.id);
    assert.equal(seen.userName, 'Alice Chen');
    assert.equal(seen.problemTitle, s.problemTitle);
    const flagged = await a.waitFor('proctor:flag', (p) => p.flag.id === s.alice.flagId);
    assert.equal(flagged.userName, 'Alice Chen');
    assert.equal(flagged.problemTitle, s.problemTitle);

    // A flag review by the teacher goes to the same room, named.
    const review = await t.app.inject({ method: 'PATCH', url: `/api/teacher/flags/${s.alice.flagId}`, headers: s.teacherA.headers, payload: { status: 'cleared', note: 'ok' } });
    assert.equal(review.statusCode, 200);
    const cleared = await a.waitFor('proctor:flag', (p) => p.flag.id === s.alice.flagId && p.flag.status === 'cleared');
    assert.equal(cleared.userName, 'Alice Chen');

    // Bella's teacher received none of it (a settle time for anything in flight).
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual(b.got.map((g) => g.name), []);
  });

  it('a student who leaves the class leaves the teacher\'s view of them: the joined feed:student room is taken away', async () => {
    const socket = await connect(live, s.teacherA.headers);
    assert.equal((await join(socket, rooms.feedStudent(s.amir.id))).ok, true);
    const seen = recorder(socket);
    const emit = (marker: string) => live.t.runtime.platform.pubsub.publish(SOCKET_EMIT_CHANNEL, {
      room: rooms.feedStudent(s.amir.id), event: 'assessment:update', payload: { assessmentId: 0, userId: s.amir.id, kind: marker },
    });
    await emit('start');
    await seen.waitFor('assessment:update', (p) => p.kind === 'start');
    const removed = await live.t.app.inject({ method: 'DELETE', url: `/api/classes/${s.classA}/students/${s.amir.id}`, headers: s.teacherA.headers });
    assert.equal(removed.statusCode, 200, removed.body);
    await new Promise((r) => setTimeout(r, 300));
    await emit('end');
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(seen.got.some((g) => g.name === 'assessment:update' && g.payload.kind === 'end'), false, 'the room was left');
    assert.equal((await join(socket, rooms.feedStudent(s.amir.id))).ok, false, 'and cannot be joined again');
  });
});

describe('TEACHER_SCOPE=all over Socket.IO [sqlite]', () => {
  let live: Live;
  let s: School;
  before(async () => {
    live = await startLive({ TEACHER_SCOPE: 'all' });
    s = await buildSchool(live.t);
  });
  after(() => stopLive(live));

  it('a teacher may join feed:all, feed:problem and any student, still not another teacher\'s dashboard room', async () => {
    const socket = await connect(live, s.teacherA.headers);
    for (const room of [rooms.feedAll(), rooms.feedProblem(s.problemId), rooms.feedStudent(s.bella.id)]) {
      assert.deepEqual(await join(socket, room), { ok: true }, room);
    }
    assert.equal((await join(socket, rooms.feedTeacher(s.teacherB.id))).ok, false);
  });
});

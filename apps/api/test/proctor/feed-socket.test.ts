// The live feed over real Socket.IO connections: authenticated with the same token as HTTP; students cannot
// join feed rooms; teachers watching a feed get flags and session starts; nothing reaches other students.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { io, type Socket } from 'socket.io-client';
import { buildApp } from '../../src/app.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { event, importProblem, postEvents, startAttempt, type Headers } from './helpers.js';

describe('proctor live feed over Socket.IO [sqlite]', () => {
  let t: TestApp;
  let live: FastifyInstance;
  let url: string;
  const sockets: Socket[] = [];
  let teacher: { headers: Headers };
  let student: { id: number; headers: Headers };
  let bystander: { id: number; headers: Headers };
  let problemId: number;

  const connect = async (headers: Headers | null): Promise<Socket> => {
    const socket = io(url, { path: '/socket.io', transports: ['websocket'], reconnection: false, auth: headers ? { token: headers.authorization.slice(7) } : {} });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', (error) => reject(error));
    });
    return socket;
  };
  const join = (socket: Socket, room: string) => new Promise<{ ok: boolean }>((resolve) => socket.emit('feed:join', room, resolve));

  before(async () => {
    // feed:all for a teacher needs TEACHER_SCOPE=all; the per-room scope is apps/api/test/scope's (docs/access.md).
    t = await createTestApp('sqlite', { TEACHER_SCOPE: 'all' });
    live = await buildApp({ config: t.config, runtime: t.runtime, gateway: true, logger: false });
    await live.listen({ host: '127.0.0.1', port: 0 });
    url = `http://127.0.0.1:${(live.server.address() as AddressInfo).port}`;
    const admin = (await t.userWithRole('admin')).headers;
    teacher = await t.userWithRole('teacher');
    student = await t.userWithRole('student');
    bystander = await t.userWithRole('student');
    problemId = await importProblem(t, admin, { timedDurationSec: 3600 }); // an exam: practice pushes nothing live
  });
  after(async () => {
    for (const s of sockets) s.disconnect();
    await live.close();
    await t.close();
  });

  it('refuses connections without a valid token', async () => {
    await assert.rejects(connect(null));
    await assert.rejects(connect({ authorization: 'Bearer not-a-token' }));
  });

  it('a student cannot join a teacher feed or another student\'s room', async () => {
    const socket = await connect(student.headers);
    assert.deepEqual(await join(socket, 'feed:all'), { ok: false, error: 'FORBIDDEN' });
    assert.equal((await join(socket, `feed:student:${bystander.id}`)).ok, false);
    assert.equal((await join(socket, `user:${bystander.id}`)).ok, false);
  });

  it('teachers on the feed get session starts and flags; other students get nothing', async () => {
    const watcher = await connect(teacher.headers);
    assert.deepEqual(await join(watcher, 'feed:all'), { ok: true });
    const other = await connect(bystander.headers);
    const otherGot: string[] = [];
    other.onAny((name: string) => otherGot.push(name));
    const started = new Promise<{ attempt: { id: number }; userName: string }>((resolve) => watcher.once('session:start', resolve));
    const { attempt } = await startAttempt(t, student.headers, problemId);
    assert.equal((await started).attempt.id, attempt.id);
    const flagged = new Promise<{ flag: { rule: string; userId: number } }>((resolve) => watcher.once('proctor:flag', resolve));
    const seenEvent = new Promise<{ event: { type: string; severity: string } }>((resolve) => watcher.once('proctor:event', resolve));
    await postEvents(t, student.headers, [event(problemId, attempt.id, 'paste', { length: 5000, place: 'editor' })]);
    const { flag } = await flagged;
    assert.equal(flag.rule, 'large_paste');
    assert.equal(flag.userId, student.id);
    assert.equal((await seenEvent).event.severity, 'high');
    await new Promise((r) => setTimeout(r, 200));
    assert.deepEqual(otherGot, []);
  });
});

// Sockets end with their sessions (real Socket.IO connections against a listening api): signing out, a role
// change, a password change and an admin's revoke each send 'session:ended' with the reason and disconnect the
// sockets concerned (and only those); a socket whose token expires is ended unless it re-authenticated in place;
// an ended token cannot reconnect; a demoted teacher stops receiving the feed at once.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Socket } from 'socket.io-client';
import type { SessionResponse } from '@logicode/contracts';
import { emitToRoom } from '@logicode/core';
import { bearer, connectSocket, createSessionCluster, outlive, PASSWORD, sessionEnd, sleep, type SessionCluster } from './helpers.js';

describe('sockets end with their sessions [sqlite]', () => {
  let c: SessionCluster;
  /** Three-second tokens, for the expiry case. */
  let short: SessionCluster;
  const opened: Socket[] = [];
  const connect = (session: SessionResponse) => connectSocket(c.nodes[0]!.url, { token: session.accessToken }, opened);
  const post = (url: string, session: SessionResponse | null, payload?: object) =>
    c.nodes[0]!.app.inject({ method: 'POST', url, headers: session ? bearer(session) : {}, ...(payload ? { payload } : {}) });

  before(async () => {
    // TEACHER_SCOPE=all: any teacher may watch feed:all, so the demotion is what takes the feed away.
    c = await createSessionCluster({ dialect: 'sqlite', listen: true, env: { TEACHER_SCOPE: 'all' } });
    short = await createSessionCluster({ dialect: 'sqlite', accessTokenTtlSec: 3, listen: true });
  });
  after(async () => {
    for (const socket of opened) socket.disconnect();
    await c.close();
    await short.close();
  });

  it('logout ends that session\'s sockets with signed_out, not the same user\'s other session; the token cannot reconnect', async () => {
    const { email, session: laptop } = await c.user('student');
    const phone = await c.signIn(email);
    const laptopSocket = await connect(laptop);
    const phoneSocket = await connect(phone);
    const ended = sessionEnd(laptopSocket);
    assert.equal((await c.nodes[0]!.app.inject({ method: 'POST', url: '/api/auth/logout', cookies: { lc_refresh: laptop.refreshToken } })).statusCode, 200);
    assert.deepEqual(await ended, { reason: 'signed_out', disconnected: 'io server disconnect' });
    await sleep(100);
    assert.equal(phoneSocket.connected, true);
    await assert.rejects(connect(laptop), /TOKEN_EXPIRED/);
  });

  it('a demoted teacher\'s socket gets role_changed, is disconnected and receives no more feed events', async () => {
    const { session: admin } = await c.user('admin');
    const { id, session: teacher } = await c.user('teacher');
    const socket = await connect(teacher);
    assert.deepEqual(await new Promise((resolve) => socket.emit('feed:join', 'feed:all', resolve)), { ok: true });
    const flags: unknown[] = [];
    socket.on('proctor:flag', (payload: unknown) => flags.push(payload));
    const pubsub = c.nodes[0]!.runtime.platform.pubsub;
    const flag = { flag: { id: 1 } } as never;
    await emitToRoom(pubsub, 'feed:all', 'proctor:flag', flag);
    await sleep(100);
    assert.equal(flags.length, 1, 'the teacher watches the feed before the demotion');
    const ended = sessionEnd(socket);
    const demoted = await c.nodes[0]!.app.inject({ method: 'PATCH', url: `/api/admin/users/${id}/role`, headers: bearer(admin), payload: { role: 'student' } });
    assert.equal(demoted.statusCode, 200);
    assert.deepEqual(await ended, { reason: 'role_changed', disconnected: 'io server disconnect' });
    await emitToRoom(pubsub, 'feed:all', 'proctor:flag', flag);
    await sleep(100);
    assert.equal(flags.length, 1);
    // The old token cannot come back; the refreshed one is a student's, which may not join the feed.
    await assert.rejects(connect(teacher), /TOKEN_EXPIRED/);
    const renewed = (await c.nodes[0]!.app.inject({ method: 'POST', url: '/api/auth/refresh', cookies: { lc_refresh: teacher.refreshToken } })).json<SessionResponse>();
    const again = await connect(renewed);
    assert.deepEqual(await new Promise((resolve) => again.emit('feed:join', 'feed:all', resolve)), { ok: false, error: 'FORBIDDEN' });
  });

  it('a password change ends the other sessions\' sockets with password_changed and keeps this session\'s', async () => {
    const { email, session: here } = await c.user('student');
    const elsewhere = await c.signIn(email);
    const hereSocket = await connect(here);
    const elsewhereSocket = await connect(elsewhere);
    const ended = sessionEnd(elsewhereSocket);
    const changed = await post('/api/auth/password', here, { currentPassword: PASSWORD, newPassword: 'a-new-password-1' });
    assert.equal(changed.statusCode, 200);
    assert.deepEqual(await ended, { reason: 'password_changed', disconnected: 'io server disconnect' });
    await sleep(100);
    assert.equal(hereSocket.connected, true);
  });

  it('an admin\'s revoke ends every socket of the user with revoked', async () => {
    const { session: admin } = await c.user('admin');
    const { id, email, session: one } = await c.user('student');
    const two = await c.signIn(email);
    const sockets = [await connect(one), await connect(two)];
    const ended = sockets.map(sessionEnd);
    assert.equal((await post(`/api/admin/users/${id}/sessions/revoke`, admin)).statusCode, 200);
    for (const end of await Promise.all(ended)) assert.deepEqual(end, { reason: 'revoked', disconnected: 'io server disconnect' });
  });

  it('a socket whose token expires is ended with expired; one that re-authenticated in place lives on', async () => {
    const { session } = await short.user('student');
    const connectShort = (token: string) => connectSocket(short.nodes[0]!.url, { token }, opened);
    const lapsing = await connectShort(session.accessToken);
    const ended = sessionEnd(lapsing);
    const renewing = await connectShort(session.accessToken);
    // A fresher token of the same session (a refresh, a second later: token times are whole seconds) renews the
    // socket in place.
    await sleep(1100);
    const fresh = (await short.nodes[0]!.app.inject({ method: 'POST', url: '/api/auth/refresh', cookies: { lc_refresh: session.refreshToken } })).json<SessionResponse>();
    const ack = await new Promise<{ ok: boolean; accessTokenExpiresAt?: string }>((resolve) => renewing.emit('auth:refresh', fresh.accessToken, resolve));
    assert.equal(ack.ok, true);
    assert.equal(ack.accessTokenExpiresAt, fresh.accessTokenExpiresAt);
    assert.ok(Date.parse(fresh.accessTokenExpiresAt) > Date.parse(session.accessTokenExpiresAt));
    assert.deepEqual(await ended, { reason: 'expired', disconnected: 'io server disconnect' });
    // Past the old token's expiry the renewed socket is still here; another user's token cannot take it over.
    await outlive(session);
    assert.equal(renewing.connected, true);
    const stranger = await short.user('student');
    const refused = await new Promise<{ ok: boolean; error?: string }>((resolve) => renewing.emit('auth:refresh', stranger.session.accessToken, resolve));
    assert.deepEqual(refused, { ok: false, error: 'FORBIDDEN' });
    const garbage = await new Promise<{ ok: boolean; error?: string }>((resolve) => renewing.emit('auth:refresh', 'not-a-token', resolve));
    assert.deepEqual(garbage, { ok: false, error: 'UNAUTHENTICATED' });
    // And without renewing again it ends at the fresh token's expiry.
    assert.deepEqual(await sessionEnd(renewing), { reason: 'expired', disconnected: 'io server disconnect' });
  });
});

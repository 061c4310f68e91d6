// Two api processes' worth (two runtimes and apps) over one database and one real Redis: a session change made
// through one api ends the user's sockets connected to the other and refuses the old token there at once (its
// memory of the user's epoch was fresh: only the pub/sub message can have told it).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Socket } from 'socket.io-client';
import { TEST_DIALECTS } from '@logicode/db/testing';
import { bearer, connectSocket, createSessionCluster, sessionEnd, type SessionCluster } from './helpers.js';

for (const dialect of TEST_DIALECTS) {
  describe(`session changes across api processes (Redis pub/sub) [${dialect}]`, () => {
    let c: SessionCluster;
    const opened: Socket[] = [];

    before(async () => {
      c = await createSessionCluster({ dialect, nodes: 2, listen: true });
    });
    after(async () => {
      for (const socket of opened) socket.disconnect();
      await c.close();
    });

    it('a role change through api A ends the teacher\'s socket on api B and B refuses the old token', async () => {
      const { session: admin } = await c.user('admin');
      const { id, session: teacher } = await c.user('teacher');
      const [a, b] = c.nodes as [SessionCluster['nodes'][0], SessionCluster['nodes'][0]];
      assert.equal((await b.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(teacher) })).statusCode, 200);
      const socket = await connectSocket(b.url, { token: teacher.accessToken }, opened);
      const ended = sessionEnd(socket);
      const demoted = await a.app.inject({ method: 'PATCH', url: `/api/admin/users/${id}/role`, headers: bearer(admin), payload: { role: 'student' } });
      assert.equal(demoted.statusCode, 200);
      assert.deepEqual(await ended, { reason: 'role_changed', disconnected: 'io server disconnect' });
      const stale = await b.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(teacher) });
      assert.equal(stale.json().code, 'TOKEN_EXPIRED');
    });

    it('signing out through api B ends that session\'s socket on api A', async () => {
      const { session } = await c.user('student');
      const socket = await connectSocket(c.nodes[0]!.url, { token: session.accessToken }, opened);
      const ended = sessionEnd(socket);
      const out = await c.nodes[1]!.app.inject({ method: 'POST', url: '/api/auth/logout', cookies: { lc_refresh: session.refreshToken } });
      assert.equal(out.statusCode, 200);
      assert.deepEqual(await ended, { reason: 'signed_out', disconnected: 'io server disconnect' });
    });
  });
}

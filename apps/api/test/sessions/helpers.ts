// Session tests: the real api (optionally listening, with its Socket.IO gateway) on a fresh database, with access
// tokens that live a second or two, so "several token lifetimes" take seconds. Scaled mode: two api processes'
// worth (two runtimes and apps) over one database and one Redis.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { io, type Socket } from 'socket.io-client';
import type { Role, SessionResponse } from '@logicode/contracts';
import { createRuntime, type Runtime } from '@logicode/core';
import { createTestDatabase, type TestDatabase } from '@logicode/db/testing';
import type { DialectName } from '@logicode/db';
import { buildApp } from '../../src/app.js';
import { loadApiConfig, type ApiConfig } from '../../src/config.js';

export const REDIS_URL = process.env.LOGICODE_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const PASSWORD = 'password-123';

export interface ApiNode {
  app: FastifyInstance;
  runtime: Runtime;
  config: ApiConfig;
  /** http://127.0.0.1:<port> when listening. */
  url: string;
}

export interface SessionCluster {
  nodes: ApiNode[];
  database: TestDatabase;
  /** A user with the role (created through core) and a first session (signed in through HTTP on node 0). */
  user(role: Role): Promise<{ id: number; email: string; session: SessionResponse }>;
  signIn(email: string, password?: string, node?: number): Promise<SessionResponse>;
  close(): Promise<void>;
}

export interface ClusterOptions {
  dialect: DialectName;
  /** Access token lifetime (the config's minimum is 30 s; tests set it straight into core's config). */
  accessTokenTtlSec?: number;
  env?: Record<string, string>;
  /** How many api "processes" (each its own runtime and app); more than one share Redis. */
  nodes?: number;
  listen?: boolean;
}

let counter = 0;

export async function createSessionCluster(options: ClusterOptions): Promise<SessionCluster> {
  const database = await createTestDatabase(options.dialect);
  const dataDir = mkdtempSync(join(tmpdir(), 'logicode-sessions-'));
  const scaled = (options.nodes ?? 1) > 1;
  const prefix = `test-sessions-${randomBytes(4).toString('hex')}:`;
  const nodes: ApiNode[] = [];
  for (let i = 0; i < (options.nodes ?? 1); i += 1) {
    const base = loadApiConfig({
      JWT_SECRET: 'test-secret-test-secret-test-secret-1234',
      LOG_LEVEL: 'silent',
      DATA_DIR: dataDir,
      WEB_DIST_DIR: join(dataDir, 'no-web'),
      ...options.env,
    });
    const core = { ...base.core, accessTokenTtlSec: options.accessTokenTtlSec ?? base.core.accessTokenTtlSec };
    const config: ApiConfig = Object.freeze({ ...base, db: database.config, core });
    const runtime = await createRuntime({
      db: config.db, handle: database.handle, redisUrl: scaled ? REDIS_URL : null, redisPrefix: prefix, core, migrate: false,
      validateProblems: false, log: () => undefined,
    });
    const app = await buildApp({ config, runtime, gateway: options.listen ?? false, logger: false });
    let url = '';
    if (options.listen) {
      await app.listen({ host: '127.0.0.1', port: 0 });
      url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    } else {
      await app.ready();
    }
    nodes.push({ app, runtime, config, url });
  }
  const signIn = async (email: string, password = PASSWORD, node = 0): Promise<SessionResponse> => {
    const response = await nodes[node]!.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
    if (response.statusCode !== 200) throw new Error(`login ${response.statusCode}: ${response.body}`);
    return response.json<SessionResponse>();
  };
  return {
    nodes,
    database,
    signIn,
    async user(role) {
      counter += 1;
      const email = `${role}${counter}-${Date.now()}@sessions.test`;
      const user = await nodes[0]!.runtime.core.accounts.createUser({ name: `${role} ${counter}`, email, password: PASSWORD, role });
      return { id: user.id, email, session: await signIn(email) };
    },
    async close() {
      for (const node of nodes) await node.app.close();
      for (const node of nodes) await node.runtime.platform.close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const bearer = (session: { accessToken: string }) => ({ authorization: `Bearer ${session.accessToken}` });

/** The Set-Cookie headers of a response, by name. */
export function cookiesOf(response: { cookies: Array<{ name: string; value: string; maxAge?: number; path?: string }> }) {
  return Object.fromEntries(response.cookies.map((c) => [c.name, c]));
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Until the access token's expiry (the response's accessTokenExpiresAt) has passed, with a little margin. */
export async function outlive(session: { accessTokenExpiresAt: string }): Promise<void> {
  await sleep(Math.max(0, Date.parse(session.accessTokenExpiresAt) - Date.now()) + 150);
}

export interface SocketOptions {
  token?: string;
  origin?: string;
  transports?: Array<'websocket' | 'polling'>;
}

/** A connected socket.io-client, or the connect error's message. */
export async function connectSocket(url: string, options: SocketOptions, opened: Socket[]): Promise<Socket> {
  const socket = io(url, {
    path: '/socket.io',
    transports: options.transports ?? ['websocket'],
    reconnection: false,
    forceNew: true,
    auth: options.token ? { token: options.token } : {},
    ...(options.origin ? { extraHeaders: { origin: options.origin } } : {}),
  });
  opened.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => reject(error));
  });
  return socket;
}

/** Resolves with the 'session:ended' reason and the disconnect that must follow it. */
export function sessionEnd(socket: Socket): Promise<{ reason: string; disconnected: string }> {
  return new Promise((resolve) => {
    let reason = '';
    socket.once('session:ended', (payload: { reason: string }) => {
      reason = payload.reason;
    });
    socket.once('disconnect', (why) => resolve({ reason, disconnected: why }));
  });
}

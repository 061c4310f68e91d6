// Builds the real api on a fresh database of one dialect, for inject()-driven tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Role, SessionResponse } from '@logicode/contracts';
import { createRuntime, type Runtime } from '@logicode/core';
import { createTestDatabase, type TestDatabase } from '@logicode/db/testing';
import type { DialectName } from '@logicode/db';
import { buildApp } from '../../src/app.js';
import { loadApiConfig, type ApiConfig } from '../../src/config.js';

export interface TestApp {
  app: FastifyInstance;
  runtime: Runtime;
  config: ApiConfig;
  /** Creates a user with the role (directly through core) and returns a Bearer header for it. */
  userWithRole(role: Role, name?: string): Promise<{ id: number; email: string; headers: { authorization: string } }>;
  close(): Promise<void>;
}

let counter = 0;

export async function createTestApp(dialect: DialectName, env: Record<string, string> = {}): Promise<TestApp> {
  const database: TestDatabase = await createTestDatabase(dialect);
  const dataDir = mkdtempSync(join(tmpdir(), 'logicode-api-'));
  const base = loadApiConfig({
    JWT_SECRET: 'test-secret-test-secret-test-secret-1234',
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    WEB_DIST_DIR: join(dataDir, 'no-web'),
    ...env,
  });
  const config: ApiConfig = Object.freeze({ ...base, db: database.config });
  const runtime = await createRuntime({
    db: config.db, handle: database.handle, redisUrl: null, redisPrefix: 'test:', core: config.core, migrate: false, validateProblems: false,
    log: () => undefined,
  });
  const app = await buildApp({ config, runtime, gateway: false, logger: false });
  await app.ready();
  return {
    app,
    runtime,
    config,
    async userWithRole(role, name) {
      counter += 1;
      const email = `${role}${counter}-${Date.now()}@test.io`;
      const password = 'password-123';
      await runtime.core.accounts.createUser({ name: name ?? `${role} ${counter}`, email, password, role });
      const session = (await runtime.core.accounts.login({ email, password }, `10.0.0.${counter % 250}`)) as SessionResponse;
      return { id: session.user.id, email, headers: { authorization: `Bearer ${session.accessToken}` } };
    },
    async close() {
      await app.close();
      await runtime.platform.close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

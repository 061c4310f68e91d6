// Builds the real api on a fresh database of one dialect, for inject()-driven tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Role, SessionResponse } from '@logicode/contracts';
import { createRuntime, type CoreOptions, type Runtime } from '@logicode/core';
import { createTestDatabase, type TestDatabase } from '@logicode/db/testing';
import type { DialectName } from '@logicode/db';
import { buildApp } from '../../src/app.js';
import { loadApiConfig, type ApiConfig } from '../../src/config.js';

export interface TestApp {
  app: FastifyInstance;
  runtime: Runtime;
  config: ApiConfig;
  database: TestDatabase;
  /** Creates a user with the role (directly through core) and returns a Bearer header for it. */
  userWithRole(role: Role, name?: string): Promise<{ id: number; email: string; headers: { authorization: string } }>;
  close(): Promise<void>;
}

let counter = 0;

/**
 * `scaled`: the runtime on real Redis under this key prefix (scaled mode: events go to the Redis stream), and
 * optionally on another test app's database, like a second api process (that app drops the database).
 */
export interface TestAppOptions {
  scaled?: { redisUrl: string; redisPrefix: string; database?: TestDatabase };
  coreOptions?: CoreOptions;
}

export async function createTestApp(dialect: DialectName, env: Record<string, string> = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const shared = options.scaled?.database;
  const database: TestDatabase = shared ?? await createTestDatabase(dialect);
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
    db: config.db, handle: database.handle, redisUrl: options.scaled?.redisUrl ?? null, redisPrefix: options.scaled?.redisPrefix ?? 'test:', core: config.core, migrate: false, validateProblems: false,
    log: () => undefined, ...(options.coreOptions ? { coreOptions: options.coreOptions } : {}),
  });
  const app = await buildApp({ config, runtime, gateway: false, logger: false });
  await app.ready();
  return {
    app,
    runtime,
    config,
    database,
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
      if (!shared) await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

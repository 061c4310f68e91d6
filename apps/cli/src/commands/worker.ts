import { coreLogOf, createLogger } from '@logicode/api';
import { createRuntime } from '@logicode/core';
import { loadWorkerConfig, startWorker } from '@logicode/worker';
import { onShutdown } from '../shutdown.js';

/** `logicode worker`: the worker roles alone, on their own runtime (scaled mode runs several of these). */
export async function workerCommand(): Promise<void> {
  const config = loadWorkerConfig();
  const logger = createLogger(config.logLevel);
  const log = coreLogOf(logger);
  const runtime = await createRuntime({
    db: config.db, redisUrl: config.redisUrl, redisPrefix: config.redisPrefix, core: config.core, log, migrate: true,
    validateProblems: false, queueLockMs: config.queueLockMs, redisPersistence: config.redisPersistence,
  });
  const handle = await startWorker(runtime, config, log);
  console.log(`LogiCode worker running (roles: ${[...config.roles].join(', ')}; mode: ${runtime.platform.mode})`);
  onShutdown(logger, async () => {
    await handle.stop();
    await runtime.close();
  });
}

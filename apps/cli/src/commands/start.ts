import { buildApp, coreLogOf, createLogger, loadApiConfig, runtimeOptionsOf } from '@logicode/api';
import { createRuntime, type Runtime } from '@logicode/core';
import { loadWorkerConfig, startWorker } from '@logicode/worker';
import type { Logger } from 'pino';
import type { CliConfig } from '../config.js';
import { onShutdown } from '../shutdown.js';
import { printSeedReport, seedIfEmpty } from './seed.js';

export interface StartOptions {
  /** Run the worker role in this process too (embedded mode: `logicode start`). */
  withWorker: boolean;
}

/** `logicode start` (api + worker, embedded) and `logicode api` (api only). */
export async function startCommand(cli: CliConfig, options: StartOptions): Promise<void> {
  const config = loadApiConfig();
  const logger = createLogger(config.logLevel);
  const runtime = await createRuntime(runtimeOptionsOf(config, coreLogOf(logger)));
  const report = await seedIfEmpty(runtime, cli);
  const app = await buildApp({ config, runtime, logger });
  const address = await app.listen({ host: config.host, port: config.port });
  // Listening first: the judge's language self-tests take a few seconds and must not delay the API.
  const stopWorker = options.withWorker ? await startWorkerRole(runtime, logger) : null;
  const url = cli.publicUrl ?? address.replace('://0.0.0.0', '://localhost').replace('://[::]', '://localhost');
  console.log(`\nLogiCode is running at ${url}  (API docs: ${url}/docs, mode: ${runtime.platform.mode}, database: ${runtime.db.dialect})`);
  printSeedReport(report, cli);
  onShutdown(logger, async () => {
    await app.close();
    await stopWorker?.();
    await runtime.close();
  });
}

/** The worker roles on the api's runtime (one process, one database handle, one in-process queue). */
async function startWorkerRole(runtime: Runtime, logger: Logger): Promise<() => Promise<void>> {
  const handle = await startWorker(runtime, loadWorkerConfig(), coreLogOf(logger.child({ role: 'worker' })));
  return () => handle.stop();
}

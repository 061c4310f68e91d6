import { buildApp, coreLogOf, createLogger, loadApiConfig, runtimeOptionsOf } from '@logicode/api';
import { createRuntime } from '@logicode/core';
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
  const stopWorker = options.withWorker ? await startWorkerRole(runtime, logger) : null;
  const address = await app.listen({ host: config.host, port: config.port });
  const url = cli.publicUrl ?? address.replace('://0.0.0.0', '://localhost').replace('://[::]', '://localhost');
  console.log(`\nLogiCode is running at ${url}  (API docs: ${url}/docs, mode: ${runtime.platform.mode}, database: ${runtime.db.dialect})`);
  printSeedReport(report);
  onShutdown(logger, async () => {
    await app.close();
    await stopWorker?.();
    await runtime.close();
  });
}

/** Filled in when the worker app lands: returns a function that drains and stops it. */
async function startWorkerRole(..._args: unknown[]): Promise<(() => Promise<void>) | null> {
  return null;
}

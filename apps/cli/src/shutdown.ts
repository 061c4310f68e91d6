import type { Logger } from 'pino';

/**
 * Graceful shutdown on SIGTERM/SIGINT: stop accepting, finish in-flight work, close pools; a second signal
 * or a stuck close forces the exit.
 */
export function onShutdown(logger: Logger, close: () => Promise<void>, forceAfterMs = 25_000): void {
  let closing = false;
  const handler = (signal: string) => {
    if (closing) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    closing = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.error('shutdown took too long: exiting');
      process.exit(1);
    }, forceAfterMs);
    force.unref();
    close()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGTERM', handler);
  process.on('SIGINT', handler);
}

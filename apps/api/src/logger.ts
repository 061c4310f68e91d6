import { pino, type Logger } from 'pino';
import type { CoreLog } from '@logicode/core';

/** The process logger: JSON lines, one per event, with request ids added by Fastify. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime });
}

/** Adapts a pino logger to the small log function core and the platform take. */
export function coreLogOf(logger: Logger): CoreLog {
  return (level, message, data) => logger[level](data ?? {}, message);
}

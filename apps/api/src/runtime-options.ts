import type { CoreLog, RuntimeOptions } from '@logicode/core';
import type { ApiConfig } from './config.js';

/** The runtime the api needs, from its config. */
export function runtimeOptionsOf(config: ApiConfig, log: CoreLog): RuntimeOptions {
  return {
    db: config.db,
    redisUrl: config.redisUrl,
    redisPrefix: config.redisPrefix,
    redisPersistence: config.redisPersistence,
    core: config.core,
    log,
    migrate: true,
  };
}

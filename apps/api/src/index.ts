export { buildApp, type BuildAppOptions } from './app.js';
export { loadApiConfig, type ApiConfig } from './config.js';
export { runtimeOptionsOf } from './runtime-options.js';
export { createLogger, coreLogOf } from './logger.js';

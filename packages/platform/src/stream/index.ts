export type { EventStream, StreamEntry, StreamReadOptions, StreamClaimOptions, StreamBacklog } from './event-stream.js';
export { createMemoryStream } from './memory-stream.js';
export { createRedisStream, type RedisStreamOptions } from './redis-stream.js';

// Test fixture: a consumer that reads entries, reports their ids, and then hangs before committing,
// so the test can SIGKILL it between read and acknowledge.
import { createRedisStream } from '../src/stream/index.js';

const [redisUrl, key, group, count] = process.argv.slice(2);
const stream = createRedisStream<unknown>({ redisUrl: redisUrl!, key: key!, group: group! });
const entries = await stream.read('doomed', { count: Number(count), blockMs: 2000 });
process.stdout.write(JSON.stringify(entries.map((e) => e.id)) + '\n');
setInterval(() => undefined, 60_000);

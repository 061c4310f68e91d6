// A child process of the ingest bench: `api` serves HTTP (embedded: writes to the DB; scaled: appends to the
// Redis stream); `consumer` runs the proctor event consumer. Configured by the environment the bench sets.
import { buildApp, loadApiConfig } from '@logicode/api';
import { createRuntime, PROCTOR_EVENTS_STREAM, type IngestMessage } from '@logicode/core';
import { startEventConsumer } from '../../apps/worker/src/event-consumer/index.js';

const role = process.argv[2];
const config = loadApiConfig({ ...process.env, LOG_LEVEL: 'silent' });
const runtime = await createRuntime({
  db: config.db, redisUrl: config.redisUrl, redisPrefix: config.redisPrefix, core: config.core, migrate: false,
  validateProblems: false, log: (level, message, data) => {
    if (level === 'error') console.error(message, data);
  },
});

if (role === 'api') {
  const app = await buildApp({ config, runtime, gateway: false, logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  process.stdout.write(`READY ${typeof address === 'object' && address ? address.port : 0}\n`);
  process.on('SIGTERM', () => void app.close().then(() => runtime.close()).then(() => process.exit(0)));
} else if (role === 'consumer') {
  const consumer = startEventConsumer({
    stream: runtime.platform.stream<IngestMessage>(PROCTOR_EVENTS_STREAM),
    proctoring: runtime.core.proctoring,
    log: (level, message, data) => {
      if (level !== 'info') console.error(message, data);
    },
    consumerName: `bench-${process.pid}`,
    concurrency: Number(process.env.BENCH_CONSUMER_CONCURRENCY ?? 3),
    readCount: Number(process.env.BENCH_CONSUMER_READ ?? 40),
    blockMs: 500,
  });
  process.stdout.write('READY 0\n');
  process.on('SIGTERM', () => void consumer.stop().then(() => runtime.close()).then(() => process.exit(0)));
} else {
  throw new Error(`unknown role ${role}`);
}

// Exit with the bench: an orphaned child would hold the terminal and the database.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.exit(1);
}, 1000).unref();

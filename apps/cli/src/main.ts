// The `logicode` command: start (api + worker, embedded), api, worker, migrate, seed.
import { loadApiConfig } from '@logicode/api';
import { createDb, ensureMysqlDatabases, migrateToLatest } from '@logicode/db';
import { createRuntime } from '@logicode/core';
import { loadCliConfig, loadImportConfig } from './config.js';
import { importPackageCommand } from './commands/problems.js';
import { printSeedReport, runSeed } from './commands/seed.js';
import { startCommand } from './commands/start.js';
import { workerCommand } from './commands/worker.js';

const USAGE = `Usage: logicode <command>

  start     api + worker in one process (embedded defaults: SQLite, in-process queue)
  api       the HTTP API and Socket.IO gateway only
  worker    the judge / event / plagiarism / retention worker only
  migrate   bring the database schema up to date
  seed      add the demo accounts and problems
  problems import <folder-or-zip>
            upload an ICPC/Kattis problem package to a running api (LOGICODE_URL, LOGICODE_ADMIN_EMAIL,
            LOGICODE_ADMIN_PASSWORD or LOGICODE_TOKEN) and print its verification report

Configuration comes from environment variables: see README.md.`;

async function migrate(): Promise<void> {
  const config = loadApiConfig();
  await ensureMysqlDatabases(config.db);
  const handle = createDb(config.db);
  try {
    const report = await migrateToLatest(handle);
    console.log(report.applied.length ? `Applied: ${report.applied.join(', ')}` : 'Schema is up to date.');
    report.shards.forEach((applied, index) => {
      console.log(`Shard ${index}: ${applied.length ? `applied ${applied.join(', ')}` : 'up to date.'}`);
    });
  } finally {
    await handle.close();
  }
}

async function seed(): Promise<void> {
  const config = loadApiConfig();
  const runtime = await createRuntime({
    db: config.db, redisUrl: null, redisPrefix: config.redisPrefix, core: config.core, migrate: true,
    log: (level, message) => console.log(`[${level}] ${message}`),
  });
  try {
    const cli = loadCliConfig();
    printSeedReport(await runSeed(runtime, cli), cli);
  } finally {
    await runtime.close();
  }
}

async function main(command: string | undefined): Promise<void> {
  switch (command) {
    case 'start':
      return startCommand(loadCliConfig(), { withWorker: true });
    case 'api':
      return startCommand(loadCliConfig(), { withWorker: false });
    case 'worker':
      return workerCommand();
    case 'migrate':
      return migrate();
    case 'seed':
      return seed();
    case 'problems':
      if (process.argv[3] === 'import') return importPackageCommand(process.argv[4], loadImportConfig());
      console.error(`Unknown command "problems ${process.argv[3] ?? ''}".\n\n${USAGE}`);
      process.exitCode = 2;
      return;
    case undefined:
    case 'help':
    case '--help':
      console.log(USAGE);
      return;
    default:
      console.error(`Unknown command "${command}".\n\n${USAGE}`);
      process.exitCode = 2;
  }
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

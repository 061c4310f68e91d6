import { ensureAdmin, seedDemo, type Runtime, type SeedReport } from '@logicode/core';
import type { CliConfig } from '../config.js';
import { loadSeedProblems } from '../seed-problems.js';

/**
 * First start on an empty database: always an admin; with SEED_DEMO (the default) also the demo accounts and
 * problems. On a database that has users already, only `logicode seed` adds the demo data.
 */
export async function seedIfEmpty(runtime: Runtime, config: CliConfig): Promise<SeedReport | null> {
  if ((await runtime.core.accounts.countUsers()) > 0) return null;
  if (!config.seedDemo) {
    return { createdAccounts: await ensureAdmin(runtime.core, config.adminPassword), importedProblems: [] };
  }
  return seedDemo(runtime.core, { problems: loadSeedProblems(), adminPassword: config.adminPassword });
}

export function runSeed(runtime: Runtime, config: CliConfig): Promise<SeedReport> {
  return seedDemo(runtime.core, { problems: loadSeedProblems(), adminPassword: config.adminPassword });
}

export function printSeedReport(report: SeedReport | null): void {
  if (!report) return;
  if (report.importedProblems.length > 0) console.log(`Imported ${report.importedProblems.length} problems.`);
  if (report.createdAccounts.length > 0) {
    console.log('Accounts created (shown once):');
    for (const account of report.createdAccounts) console.log(`  ${account.role.padEnd(8)} ${account.email}  password: ${account.password}`);
  }
}

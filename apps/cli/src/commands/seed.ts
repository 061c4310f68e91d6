import { ensureAdmin, seedDemo, type Runtime, type SeedReport } from '@logicode/core';
import type { CliConfig } from '../config.js';
import { loadSeedProblems } from '../seed-problems.js';

/**
 * First start on an empty database: always an admin; with SEED_DEMO (the default outside production) also the demo
 * accounts and problems. On a database that has users already, only `logicode seed` adds the demo data.
 */
export async function seedIfEmpty(runtime: Runtime, config: CliConfig): Promise<SeedReport | null> {
  if ((await runtime.core.accounts.countUsers()) > 0) return null;
  if (!config.seedDemo) {
    return { createdAccounts: await ensureAdmin(runtime.core, config.adminPassword), importedProblems: [] };
  }
  return runSeed(runtime, config);
}

/** In production the demo admin never gets the README's password (ADMIN_PASSWORD, or one generated and shown once). */
export function runSeed(runtime: Runtime, config: CliConfig): Promise<SeedReport> {
  return seedDemo(runtime.core, { problems: loadSeedProblems(), adminPassword: config.adminPassword, knownAdminPassword: !config.production });
}

/** An operator's ADMIN_PASSWORD is never printed; a generated one is, once (the only way to learn it). */
export function printSeedReport(report: SeedReport | null, config: Pick<CliConfig, 'production'>): void {
  if (!report) return;
  if (report.importedProblems.length > 0) console.log(`Imported ${report.importedProblems.length} problems.`);
  if (report.createdAccounts.length > 0) {
    console.log('Accounts created (shown once):');
    for (const account of report.createdAccounts) {
      const password = account.passwordSource === 'config' ? '(as set in ADMIN_PASSWORD)' : account.password;
      console.log(`  ${account.role.padEnd(8)} ${account.email}  password: ${password}`);
    }
  }
  if (config.production && report.createdAccounts.some((a) => a.passwordSource === 'demo')) {
    console.warn('WARNING: demo accounts with the README\'s passwords exist in production (SEED_DEMO=true); remove them or change their passwords.');
  }
}

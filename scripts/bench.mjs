// `npm run bench [-- --quick] [-- --only <name>]`: every benchmark, one after another (they share a 2-core machine,
// so never in parallel). Each writes a markdown table to bench/results/ (<name>.md, or <name>-quick.md), ready to
// paste into BENCHMARKS.md. --quick is the smoke mode: every script briefly, no figure worth quoting.
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const quick = args.includes('--quick') ? ['--quick'] : [];
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
/**
 * In order: the cheap single-process ones first, the cluster last (it starts MariaDB, nginx and five processes).
 * bench/data/generate.ts is not listed: the http, sockets and mixed benches each generate their school.
 */
export const BENCHES = [
  'bench/judge/run.ts',
  'bench/judge/submit-latency.ts',
  'bench/http/catalog.ts',
  'bench/http/run.ts',
  'bench/sockets/run.ts',
  'bench/ingest/run.ts',
  'bench/plagiarism/run.ts',
  'bench/mixed/run.ts',
  'bench/packages/import.ts',
];

// Imported by the smoke test for the list; run only as the script.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  let failed = 0;
  for (const bench of BENCHES.filter((b) => !only || b.includes(only))) {
    console.log(`\n=== ${bench} ${quick.join(' ')} (load average ${loadavg().map((n) => n.toFixed(1)).join(' / ')})`);
    const started = Date.now();
    const result = spawnSync('npx', ['tsx', bench, ...quick], { stdio: 'inherit' });
    console.log(`=== ${bench}: exit ${result.status} after ${((Date.now() - started) / 1000).toFixed(0)} s`);
    if (result.status !== 0) failed += 1;
  }
  process.exit(failed > 0 ? 1 : 0);
}

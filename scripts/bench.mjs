// `npm run bench [-- --quick]`: every benchmark, one after another (they share a 2-core machine, so never in
// parallel). Each writes its table to bench/results/; BENCHMARKS.md collects the figures.
import { spawnSync } from 'node:child_process';

const quick = process.argv.includes('--quick') ? ['--quick'] : [];
const BENCHES = [
  'bench/judge/run.ts',
  'bench/judge/submit-latency.ts',
  'bench/http/catalog.ts',
  'bench/ingest/run.ts',
  'bench/plagiarism/run.ts',
];
let failed = 0;
for (const bench of BENCHES) {
  console.log(`\n=== ${bench} ${quick.join(' ')}`);
  const started = Date.now();
  const result = spawnSync('npx', ['tsx', bench, ...quick], { stdio: 'inherit' });
  console.log(`=== ${bench}: exit ${result.status} after ${((Date.now() - started) / 1000).toFixed(0)} s`);
  if (result.status !== 0) failed += 1;
}
process.exit(failed > 0 ? 1 : 0);

// Issue 16's scale target: `analyze()` over N generated files (default 5,000: random corpus files under random
// disguises, ~93 lines each) in a fresh process, at the product's defaults. Prints wall and CPU time, peak RSS
// and the pairs kept. Usage: npx tsx bench/plagiarism/large.ts [--count 5000]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatedFiles } from './dataset.js';

const args = process.argv.slice(2);
const count = args.includes('--count') ? Number(args[args.indexOf('--count') + 1]) : 5000;
const root = new URL('../../', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'plag-large-'));
const path = join(work, 'files.json');
writeFileSync(path, JSON.stringify(generatedFiles(count)));
const load = loadavg()[0]!;
const out = execFileSync(process.execPath, ['--import', 'tsx', join(root, 'bench/plagiarism/tool.ts'), 'ours', path, '--timed-only'], { cwd: root, maxBuffer: 1 << 30 });
const run = JSON.parse(out.toString()) as { ms: number; cpuMs: number; maxRssMb: number; baseRssMb: number; reported: number };
rmSync(work, { recursive: true, force: true });
console.log(`analyze() of ${count} generated files: ${(run.ms / 1000).toFixed(1)} s wall, ${(run.cpuMs / 1000).toFixed(1)} s CPU, peak RSS ${run.maxRssMb.toFixed(0)} MB (base ${run.baseRssMb.toFixed(0)}), ${run.reported} pairs kept; ${cpus().length} × ${cpus()[0]?.model ?? '?'}, load ${load.toFixed(1)} at start, ${new Date().toISOString().slice(0, 16)}Z`);

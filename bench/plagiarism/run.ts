// Plagiarism benchmark: our detector and Dolos (@dodona/dolos-lib) on the same files, each in its own process.
// 1. the hand-written corpus (packages/plagiarism/test/corpus): precision/recall at our default threshold;
// 2. N files generated from it with random disguises (default 1,000; --quick: 60): time, peak memory, P/R.
// Prints a markdown table and writes bench/results/plagiarism.md.
// Usage: npx tsx bench/plagiarism/run.ts [--quick] [--count N]
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_PARAMS } from '@logicode/plagiarism';
import { bestThreshold, corpusFiles, generatedFiles, precisionRecall, type BenchFile, type Scored } from './dataset.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const countArg = args.indexOf('--count');
const count = countArg >= 0 ? Number(args[countArg + 1]) : quick ? 60 : 1000;
const root = new URL('../../', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'plag-bench-'));

interface ToolRun {
  ms: number;
  cpuMs: number;
  maxRssMb: number;
  baseRssMb: number;
  pairs: Scored[];
}

function runTool(tool: string, files: BenchFile[], name: string): ToolRun | { error: string } {
  const path = join(work, `${name}.json`);
  writeFileSync(path, JSON.stringify(files));
  try {
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(root, 'bench/plagiarism/tool.ts'), tool, path], {
      cwd: root,
      maxBuffer: 1 << 30,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return JSON.parse(out.toString()) as ToolRun;
  } catch (e) {
    const err = e as { stderr?: Buffer; message: string };
    return { error: (err.stderr?.toString() || err.message).split('\n').slice(0, 3).join(' ') };
  }
}

const rows: string[] = [];
const pct = (x: number) => (x * 100).toFixed(1) + '%';

function report(dataset: string, files: BenchFile[], tool: string, run: ToolRun | { error: string }): void {
  if ('error' in run) {
    rows.push(`| ${dataset} | ${tool} | — | — | — | — | — | — | failed: ${run.error.replace(/\|/g, '/')} |`);
    return;
  }
  const time = `${(run.ms / 1000).toFixed(2)} s | ${(run.cpuMs / 1000).toFixed(2)} s`;
  const memory = `${run.maxRssMb.toFixed(0)} MB (base ${run.baseRssMb.toFixed(0)})`;
  const cut = (t: number | 'flagged', label: string) => {
    const r = precisionRecall(files, run.pairs, t);
    rows.push(`| ${dataset} | ${tool} | ${label}${t === 'flagged' ? '' : ' ' + t.toFixed(2)} | ${pct(r.precision)} | ${pct(r.recall)} | ${r.f1.toFixed(3)} | ${time} | ${memory} |`);
  };
  if (tool.startsWith('LogiCode')) cut('flagged', `flagged (default: similarity ≥ ${DEFAULT_PARAMS.flagSimilarity} or a fragment ≥ ${DEFAULT_PARAMS.flagFragmentTokens} tokens)`);
  else cut(0.5, 'similarity');
  cut(bestThreshold(files, run.pairs), 'best-F1');
}

const corpus = corpusFiles();
const generated = generatedFiles(count);
const lines = generated.reduce((n, f) => n + f.source.split('\n').length, 0) / generated.length;
console.error(`corpus: ${corpus.length} files; generated: ${generated.length} files, mean ${lines.toFixed(0)} lines`);

for (const [dataset, files] of [
  [`corpus (${corpus.length} files)`, corpus],
  [`generated (${generated.length} files, ~${lines.toFixed(0)} lines)`, generated],
] as const) {
  report(dataset, files, 'LogiCode analyze()', runTool('ours', files, 'ours'));
  if (files === generated) report(dataset, files, 'LogiCode add() ×N', runTool('ours-incremental', files, 'inc'));
  report(dataset, files, 'Dolos 3.5.1 (k=23, w=17)', runTool('dolos', files, 'dolos'));
}

const table = [
  '| dataset | tool | threshold | precision | recall | F1 | wall time | CPU time | peak RSS |',
  '|---|---|---|---|---|---|---|---|---|',
  ...rows,
].join('\n');
const header = `# Plagiarism benchmark\n\nCommand: \`npx tsx bench/plagiarism/run.ts${quick ? ' --quick' : ''}\` on ${cpus().length} × ${cpus()[0]?.model ?? '?'} (load average ${loadavg()[0]!.toFixed(1)} at start), Node ${process.version}, ${new Date().toISOString().slice(0, 16)}Z.\nOur parameters: ${JSON.stringify(DEFAULT_PARAMS)}. Dolos: its defaults, one language at a time, similarity cut at the same thresholds.\n"best-F1" is the threshold with the best F1 on that data (an oracle, shown for both tools). Time is the whole analysis in a fresh process (tokenise, index, every reported pair with its fragments; ours at the default threshold); CPU time is user + system of that process (the machine is shared, so wall time varies with load; CPU time less so); peak RSS is the process's maximum, "base" before the analysis started. "add() ×N" adds the files one by one, each returning its pairs with those before it (the worker's incremental path).\n\n`;
console.log(table);
if (!quick) {
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(join(root, 'bench/results/plagiarism.md'), header + table + '\n');
  console.error('wrote bench/results/plagiarism.md');
}
rmSync(work, { recursive: true, force: true });

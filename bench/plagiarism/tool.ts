// Runs one tool on a dataset file and prints JSON to stdout: { ms, cpuMs, maxRssMb, baseRssMb, pairs }. run.ts starts this in a
// fresh process per tool so each one's peak memory is its own.
// Usage: node --import tsx bench/plagiarism/tool.ts ours|ours-incremental|dolos <dataset.json> [--timed-only]
// (--timed-only: ours at the defaults only, without the untimed second pass down to FLOOR: large.ts)
import { readFileSync } from 'node:fs';
import type { BenchFile, Scored } from './dataset.js';

const [tool, path] = process.argv.slice(2);
const files = JSON.parse(readFileSync(path!, 'utf8')) as BenchFile[];
/** Pairs are collected down to this score so run.ts can also find each tool's best threshold. */
const FLOOR = 0.1;

// Loaded before the clock starts: module loading (and tsx compiling it) is not analysis time.
const { analyze, createIndex } = await import('@logicode/plagiarism');
const { Dolos, File } = await import('@dodona/dolos-lib');

/** Ours at the given threshold (its candidate filter scales with it, so the timed run uses the default). */
function runOurs(incremental: boolean, threshold?: number): Scored[] {
  const params = threshold === undefined ? {} : { threshold, maxPairsPerSubmission: 10_000 };
  const subs = files.map(({ id, userId, language, source }) => ({ id, userId, language, source }));
  if (!incremental) return analyze(subs, { params }).pairs;
  const index = createIndex({ params });
  const pairs: Scored[] = [];
  for (const sub of subs) pairs.push(...index.add(sub));
  return pairs;
}

async function runDolos(): Promise<Scored[]> {
  const ext = { c: 'c', cpp: 'cpp', java: 'java', javascript: 'js', python: 'py' } as const;
  const pairs: Scored[] = [];
  // Dolos analyses one language at a time.
  for (const language of ['c', 'cpp', 'java', 'javascript', 'python'] as const) {
    const group = files.filter((f) => f.language === language);
    if (group.length < 2) continue;
    const byPath = new Map(group.map((f) => [`${f.id}.${ext[language]}`, f.id]));
    const report = await new Dolos({ language }).analyze(group.map((f) => new File(`${f.id}.${ext[language]}`, f.source)));
    for (const p of report.allPairs()) {
      if (p.similarity < FLOOR) continue;
      const a = byPath.get(p.leftFile.path)!;
      const b = byPath.get(p.rightFile.path)!;
      pairs.push({ leftId: Math.min(a, b), rightId: Math.max(a, b), similarity: p.similarity });
    }
  }
  return pairs;
}

const baseRssMb = process.resourceUsage().maxRSS / 1024;
const cpuStart = process.cpuUsage();
const started = performance.now();
let pairs: (Scored & { flagged?: boolean })[] = tool === 'dolos' ? await runDolos() : runOurs(tool === 'ours-incremental');
const ms = performance.now() - started;
const cpu = process.cpuUsage(cpuStart);
const cpuMs = (cpu.user + cpu.system) / 1000;
const maxRssMb = process.resourceUsage().maxRSS / 1024;
// Timed at the defaults (floor, flag levels, top pairs per submission); then, untimed, down to FLOOR with no
// bound for the best-F1 search (Dolos scores every pair anyway), keeping the timed run's flags.
if (tool !== 'dolos' && !process.argv.includes('--timed-only')) {
  const flagged = new Set((pairs as { leftId: number; rightId: number; flagged?: boolean }[]).filter((p) => p.flagged).map((p) => `${p.leftId}-${p.rightId}`));
  pairs = runOurs(tool === 'ours-incremental', FLOOR).map((p) => ({ ...p, flagged: flagged.has(`${p.leftId}-${p.rightId}`) }));
}
const reported = pairs.length;
process.stdout.write(JSON.stringify({ ms, cpuMs, maxRssMb, baseRssMb, reported, pairs: pairs.map((p) => ({ leftId: p.leftId, rightId: p.rightId, similarity: p.similarity, flagged: (p as { flagged?: boolean }).flagged })) }));

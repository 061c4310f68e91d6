// Issue 16's labelled classes (packages/plagiarism/test/support/classes.ts), ours beside Dolos in one run.
// Ours: flagged at the product's default flag levels. Dolos 3.5.1 at its defaults: its similarity cut at 0.5,
// and at the cut with the best F1 on the TUNING half (so both tools are calibrated on the same half), applied
// to the reporting half. AUC: ours ranks by the flag evidence (each flag level scaled to 1), Dolos by similarity.
// Usage: npx tsx bench/plagiarism/classes.ts
import { cpus, loadavg } from 'node:os';
import { DEFAULT_PARAMS } from '@logicode/plagiarism';
import { auc, buildClasses, figures, type LabelledClass, type Scored } from '../../packages/plagiarism/test/support/classes.js';
import { runOurs } from './classes-ours.js';

const { Dolos, File } = await import('@dodona/dolos-lib');
const EXT = { c: 'c', cpp: 'cpp', java: 'java', javascript: 'js', python: 'py' } as const;

async function dolosSimilarities(classes: LabelledClass[]): Promise<Map<string, { leftId: number; rightId: number; similarity: number }[]>> {
  const out = new Map<string, { leftId: number; rightId: number; similarity: number }[]>();
  for (const c of classes) {
    const language = c.members[0]!.language;
    const byPath = new Map(c.members.map((m) => [`${m.id}.${EXT[language]}`, m.id]));
    const report = await new Dolos({ language }).analyze(c.members.map((m) => new File(`${m.id}.${EXT[language]}`, m.source)));
    out.set(c.name, report.allPairs().map((p) => {
      const a = byPath.get(p.leftFile.path)!;
      const b = byPath.get(p.rightFile.path)!;
      return { leftId: Math.min(a, b), rightId: Math.max(a, b), similarity: p.similarity };
    }));
  }
  return out;
}

const cut = (sims: Map<string, { leftId: number; rightId: number; similarity: number }[]>, t: number) =>
  new Map([...sims].map(([k, ps]) => [k, ps.map((p): Scored => ({ leftId: p.leftId, rightId: p.rightId, score: p.similarity, positive: p.similarity >= t }))]));

const all = buildClasses();
const tuning = all.filter((c) => c.half === 'tuning');
const reporting = all.filter((c) => c.half === 'reporting');

let started = performance.now();
const ours = runOurs(reporting);
const oursMs = performance.now() - started;
started = performance.now();
const dolosReporting = await dolosSimilarities(reporting);
const dolosMs = performance.now() - started;
const dolosTuning = await dolosSimilarities(tuning);
let best = { t: 0.5, f1: -1 };
for (let t = 0.05; t <= 1; t += 0.01) {
  const f = figures(tuning, cut(dolosTuning, t));
  const f1 = (2 * f.precision * f.recall) / (f.precision + f.recall || 1);
  if (f1 > best.f1) best = { t: Math.round(t * 100) / 100, f1 };
}

const rows: string[] = [];
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
for (const [tool, scored] of [
  [`LogiCode, default flag levels (${DEFAULT_PARAMS.flagSimilarity} / ${DEFAULT_PARAMS.flagFragmentTokens} tokens)`, ours],
  ['Dolos 3.5.1, similarity ≥ 0.50', cut(dolosReporting, 0.5)],
  [`Dolos 3.5.1, similarity ≥ ${best.t.toFixed(2)} (its best F1 on the tuning half)`, cut(dolosReporting, best.t)],
] as const) {
  for (const size of ['small', 'large'] as const) {
    const cs = reporting.filter((c) => c.size === size);
    const f = figures(cs, scored);
    rows.push(`| ${tool} | ${size === 'small' ? '8–12' : '30–40'} (${cs.length} classes) | ${pct(f.precision)} | ${pct(f.recall)} (${f.truePositives}/${f.expected}) | ${f.falsePositives} | ${auc(cs, scored).toFixed(4)} |`);
  }
  rows.push(`| ${tool} | all | | | | ${auc(reporting, scored).toFixed(4)} |`);
}
const members = reporting.reduce((n, c) => n + c.members.length, 0);
console.log(`Reporting half: ${reporting.length} classes, ${members} files; ${cpus().length} × ${cpus()[0]?.model}, load ${loadavg()[0]!.toFixed(1)}, ${new Date().toISOString().slice(0, 16)}Z`);
console.log(`Time over the reporting classes: ours ${(oursMs / 1000).toFixed(2)} s, Dolos ${(dolosMs / 1000).toFixed(2)} s (in-process, one class at a time)\n`);
console.log('| tool | class size | precision | recall | false pairs | AUC |\n|---|---|---|---|---|---|\n' + rows.join('\n'));

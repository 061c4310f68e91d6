// Summarises a V8 CPU profile (BENCH_CPU_PROF's <pid>.cpuprofile): the functions with the most self time, and the
// share of samples under (inclusive) each named function. `node bench/http/profile-summary.mjs <file> [top] [name...]`.
import { readFileSync } from 'node:fs';

const [file, topArg, ...names] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const counts = new Map();
for (const id of profile.samples) counts.set(id, (counts.get(id) ?? 0) + 1);
const label = (n) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*\/(node_modules|work\/main)\//, '')}:${n.callFrame.lineNumber + 1}`;
const total = profile.samples.length;
const idle = [...counts].filter(([id]) => ['(idle)', '(program)'].includes(nodes.get(id).callFrame.functionName)).reduce((a, [, c]) => a + c, 0);
const self = new Map();
for (const [id, c] of counts) self.set(label(nodes.get(id)), (self.get(label(nodes.get(id))) ?? 0) + c);
const busy = total - idle;
console.log(`${total} samples, ${busy} busy (not idle/program)`);
for (const [name, c] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(topArg ?? 25))) {
  console.log(`${(c / busy * 100).toFixed(1).padStart(5)}%  ${name}`);
}
for (const name of names) {
  let under = 0;
  for (const [id, c] of counts) {
    for (let at = id; at !== undefined; at = parent.get(at)) {
      if (nodes.get(at).callFrame.functionName === name || label(nodes.get(at)).includes(name)) {
        under += c;
        break;
      }
    }
  }
  console.log(`inclusive ${(under / busy * 100).toFixed(1).padStart(5)}%  ${name}`);
}

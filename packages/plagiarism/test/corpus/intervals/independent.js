/* eslint-disable -- a corpus of student programs, not our code */
// Sweep line over endpoint events: +1 at a start, -1 at an end.
const data = require('fs').readFileSync(0, 'utf8').trim().split(/\s+/).map(Number);
const n = data[0] || 0;
if (n === 0) {
  console.log('empty');
} else {
  const events = [];
  for (let i = 0; i < n; i += 1) {
    let a = data[1 + 2 * i];
    let b = data[2 + 2 * i];
    if (a > b) [a, b] = [b, a];
    events.push({ at: a, delta: 1 }, { at: b, delta: -1 });
  }
  // starts before ends at the same point, so touching intervals merge
  events.sort((p, q) => p.at - q.at || q.delta - p.delta);
  const out = [];
  let open = 0;
  let from = null;
  let coveredSum = 0;
  let widest = 0;
  let lastEnd = null;
  for (const ev of events) {
    if (open === 0 && ev.delta === 1) {
      from = ev.at;
      if (lastEnd !== null) widest = Math.max(widest, from - lastEnd);
    }
    open += ev.delta;
    if (open === 0 && ev.delta === -1) {
      out.push(from + ' ' + ev.at);
      coveredSum += ev.at - from;
      lastEnd = ev.at;
    }
  }
  out.push('covered: ' + coveredSum, 'largest gap: ' + widest);
  process.stdout.write(out.join('\n') + '\n');
}

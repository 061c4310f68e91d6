/* eslint-disable -- a corpus of student programs, not our code */
// Kahn's algorithm with a min-heap so the smallest ready vertex always comes first.
const lines = require('fs').readFileSync(0, 'utf8').split('\n').filter((l) => l.trim());
const [n, m] = lines[0].split(/\s+/).map(Number);
const out = Array.from({ length: n }, () => []);
const indeg = Array(n).fill(0);
for (let i = 1; i <= m; i++) {
  const [a, b] = lines[i].split(/\s+/).map(Number);
  out[a].push(b);
  indeg[b]++;
}

class MinHeap {
  constructor() { this.a = []; }
  get size() { return this.a.length; }
  push(x) {
    const a = this.a;
    a.push(x);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (a[p] <= a[i]) break;
      [a[p], a[i]] = [a[i], a[p]];
      i = p;
    }
  }
  pop() {
    const a = this.a;
    const top = a[0];
    const last = a.pop();
    if (a.length) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1, r = l + 1;
        let s = i;
        if (l < a.length && a[l] < a[s]) s = l;
        if (r < a.length && a[r] < a[s]) s = r;
        if (s === i) break;
        [a[s], a[i]] = [a[i], a[s]];
        i = s;
      }
    }
    return top;
  }
}

const heap = new MinHeap();
indeg.forEach((d, v) => { if (d === 0) heap.push(v); });
const order = [];
while (heap.size) {
  const v = heap.pop();
  order.push(v);
  for (const w of out[v]) if (--indeg[w] === 0) heap.push(w);
}
console.log(order.length < n ? 'CYCLE' : order.join(' '));

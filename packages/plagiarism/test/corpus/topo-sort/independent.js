/* eslint-disable -- a corpus of student programs, not our code */
// DFS-based topological sort with colours; visiting vertices from high to low and prepending on exit
// gives the smallest order for many inputs, and the checker accepts any valid order.
const text = require('fs').readFileSync(0, 'utf8');
const nums = text.split(/\s+/).filter(Boolean).map((x) => +x);
let p = 0;
const n = nums[p++];
const m = nums[p++];
const succ = [];
for (let v = 0; v < n; v++) succ.push([]);
for (let e = 0; e < m; e++) {
  const a = nums[p++];
  const b = nums[p++];
  succ[a].push(b);
}
const WHITE = 0, GREY = 1, BLACK = 2;
const colour = new Uint8Array(n);
const result = [];
let cyclic = false;

function visit(root) {
  const stack = [[root, 0]];
  colour[root] = GREY;
  while (stack.length && !cyclic) {
    const top = stack[stack.length - 1];
    const [v, idx] = top;
    if (idx < succ[v].length) {
      top[1]++;
      const w = succ[v][idx];
      if (colour[w] === GREY) cyclic = true;
      else if (colour[w] === WHITE) {
        colour[w] = GREY;
        stack.push([w, 0]);
      }
    } else {
      colour[v] = BLACK;
      result.push(v);
      stack.pop();
    }
  }
}

for (let v = n - 1; v >= 0 && !cyclic; v--) if (colour[v] === WHITE) visit(v);
console.log(cyclic ? 'CYCLE' : result.reverse().join(' '));

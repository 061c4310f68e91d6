/* eslint-disable -- a corpus of student programs, not our code */
const readline = require('readline');

class Graph {
  constructor(n) {
    this.n = n;
    this.adjacency = Array.from({ length: n }, () => []);
    this.indegree = new Array(n).fill(0);
  }

  addEdge(from, to) {
    this.adjacency[from].push(to);
    this.indegree[to] += 1;
  }

  topologicalOrder() {
    const indegree = this.indegree.slice();
    const ready = [];
    for (let v = 0; v < this.n; v++) {
      if (indegree[v] === 0) {
        ready.push(v);
      }
    }
    ready.sort((a, b) => b - a);
    const order = [];
    while (ready.length > 0) {
      const v = ready.pop();
      order.push(v);
      for (const w of this.adjacency[v]) {
        indegree[w] -= 1;
        if (indegree[w] === 0) {
          ready.push(w);
          ready.sort((a, b) => b - a);
        }
      }
    }
    return order.length === this.n ? order : null;
  }
}

function solve(lines) {
  const [n, m] = lines[0].split(' ').map(Number);
  const graph = new Graph(n);
  for (let i = 1; i <= m; i++) {
    const [from, to] = lines[i].split(' ').map(Number);
    graph.addEdge(from, to);
  }
  const order = graph.topologicalOrder();
  if (order === null) {
    return 'CYCLE';
  }
  return order.join(' ');
}

const rl = readline.createInterface({ input: process.stdin });
const lines = [];
rl.on('line', (line) => {
  if (line.trim() !== '') {
    lines.push(line.trim());
  }
});
rl.on('close', () => {
  console.log(solve(lines));
});

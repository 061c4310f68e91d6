/* eslint-disable -- a corpus of student programs, not our code */
const readline = require('readline');

/**
 * Kahn's algorithm; always takes the smallest available vertex
 * so the answer is the lexicographically smallest order.
 */
class Dag {
    constructor(size) {
        this.size = size;
        this.out = Array.from({ length: size }, () => []);
        this.deg = new Array(size).fill(0);
    }

    link(u, v) {
        this.out[u].push(v);
        this.deg[v] += 1;
    }

    sortNodes() {
        const deg = this.deg.slice();
        const stack = [];
        let u = 0;
        while (u < this.size) {
            if (deg[u] === 0) stack.push(u);
            u++;
        }
        stack.sort((x, y) => y - x);
        const result = [];
        while (stack.length > 0) {
            const cur = stack.pop();
            result.push(cur);
            for (const nxt of this.out[cur]) {
                deg[nxt] -= 1;
                if (deg[nxt] === 0) {
                    stack.push(nxt);
                    stack.sort((x, y) => y - x);
                }
            }
        }
        // fewer nodes than expected means there was a cycle
        return result.length === this.size ? result : null;
    }
}

const input = [];
const reader = readline.createInterface({ input: process.stdin });
reader.on('line', (row) => { if (row.trim() !== '') input.push(row.trim()); });
reader.on('close', () => { console.log(answer(input)); });

function answer(rows) {
    const [size, edges] = rows[0].split(' ').map(Number);
    const dag = new Dag(size);
    for (let e = 1; e <= edges; e++) {
        const [u, v] = rows[e].split(' ').map(Number);
        dag.link(u, v);
    }
    const res = dag.sortNodes();
    const unused = res ? res.length : 0;
    if (res === null) return 'CYCLE';
    return res.join(' ');
}

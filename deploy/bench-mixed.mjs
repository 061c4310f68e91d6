// Mixed read load through nginx against deploy/local-cluster.sh: node deploy/bench-mixed.mjs [seconds] [connections]
// (catalog list with a student token, a problem detail, an anonymous sorted list, the leaderboard).
import autocannon from 'autocannon';

const base = process.env.CLUSTER_URL ?? 'http://127.0.0.1:8080';
const login = await fetch(`${base}/api/auth/login`, {
  method: 'POST', headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email: 'alice@logicode.local', password: 'student-demo-pass' }),
});
const { accessToken } = await login.json();
const headers = { authorization: `Bearer ${accessToken}` };
const result = await autocannon({
  url: base, connections: Number(process.argv[3] ?? 40), duration: Number(process.argv[2] ?? 15),
  requests: [
    { method: 'GET', path: '/api/problems?pageSize=20', headers },
    { method: 'GET', path: '/api/problems/3', headers },
    { method: 'GET', path: '/api/problems?pageSize=20&sort=title' },
    { method: 'GET', path: '/api/leaderboard', headers },
  ],
});
const { latency } = result;
console.log(JSON.stringify({
  rps: result.requests.average, p50: latency.p50, p90: latency.p90, p97_5: latency.p97_5, p99: latency.p99,
  non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts, resets: result.resets, total: result.requests.total,
}));

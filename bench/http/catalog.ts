// GET /api/problems under autocannon, on SQLite and on MariaDB (issue 2's figure).
// Run: `npx tsx bench/http/catalog.ts [--quick]`. The api runs as its own process (`logicode api`), seeded with
// the demo problems; autocannon runs in this process, on the same 2-core machine (it costs CPU the server does
// not get, so compare the two dialects measured in one run rather than against other machines).
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { freePort, http, spawnLogicode } from '../../apps/cli/test/helpers/processes.js';
import { dropMysqlDatabase } from './support.js';

const quick = process.argv.includes('--quick');
const MYSQL = (process.env.BENCH_MYSQL_URL ?? process.env.LOGICODE_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306').replace(/\/$/, '');
const durationSec = quick ? 2 : 15;
const connections = quick ? 10 : 50;

interface Row { dialect: string; path: string; who: string; rps: number; p50: number; p99: number; errors: number; non2xx: number }

async function measure(url: string, headers: Record<string, string>): Promise<autocannon.Result> {
  await autocannon({ url, connections, duration: 1, headers }); // warm-up: JIT, caches, pool
  return autocannon({ url, connections, duration: durationSec, headers });
}

async function benchDialect(dialect: 'sqlite' | 'mysql'): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'logicode-bench-http-'));
  const database = `lc_bench_${randomBytes(3).toString('hex')}`;
  const port = await freePort();
  const server = spawnLogicode('api', {
    PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dir, LOG_LEVEL: 'warn', NODE_ENV: 'production', COOKIE_SECURE: 'false',
    DATABASE_URL: dialect === 'sqlite' ? `sqlite:${join(dir, 'bench.db')}` : `${MYSQL}/${database}`,
    LOGIN_LIMIT_PER_ADDRESS: '1000', SEED_DEMO: 'true', // production defaults seed no demo accounts; the student row signs in as Alice
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await server.waitFor(/running at/, 120_000);
    const login = await http(baseUrl, '/api/auth/login', { method: 'POST', body: { email: 'alice@logicode.local', password: 'student-demo-pass' } });
    const auth = { authorization: `Bearer ${login.body.accessToken as string}` };
    const cases = [
      { path: '/api/problems', who: 'anonymous', headers: {} },
      { path: '/api/problems', who: 'student', headers: auth },
      { path: '/api/problems?q=sum&difficulty=easy&sort=title', who: 'student', headers: auth },
    ];
    const rows: Row[] = [];
    for (const c of cases) {
      const result = await measure(baseUrl + c.path, c.headers);
      rows.push({ dialect, path: c.path, who: c.who, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors, non2xx: result.non2xx });
    }
    return rows;
  } finally {
    await server.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
    if (dialect === 'mysql') {
      await dropMysqlDatabase(MYSQL, database);
    }
  }
}

const rows = [...(await benchDialect('sqlite')), ...(await benchDialect('mysql'))];
const table = [
  `GET /api/problems (${connections} connections, ${durationSec} s each, after a 1 s warm-up; ${cpus().length} cores, load ${loadavg()[0]!.toFixed(1)} at the end)`,
  '',
  '| database | path | caller | requests/s | p50 ms | p99 ms | errors | non-2xx |',
  '|---|---|---|---:|---:|---:|---:|---:|',
  ...rows.map((r) => `| ${r.dialect} | \`${r.path}\` | ${r.who} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.non2xx} |`),
].join('\n');
console.log(table);
const out = join(new URL('../results', import.meta.url).pathname);
mkdirSync(out, { recursive: true });
writeFileSync(join(out, quick ? 'http-catalog-quick.md' : 'http-catalog.md'), `${table}\n`);
if (rows.some((r) => r.errors > 0 || r.non2xx > 0)) process.exitCode = 1;

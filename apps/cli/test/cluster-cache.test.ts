// Two real `logicode api` processes on one MariaDB and one Redis: a problem changed through one is fresh on the
// other within 1 s (L1 + L2 cache, invalidation broadcast over Redis pub/sub).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createConnection } from 'mysql2/promise';
import { Redis } from 'ioredis';
import { freePort, http, spawnLogicode, type LogicodeProcess } from './helpers/processes.js';

const MYSQL_SERVER = process.env.LOGICODE_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
const REDIS_URL = process.env.LOGICODE_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('cluster: cache coherence across api processes', () => {
  const id = randomBytes(4).toString('hex');
  const dbName = `lc_cluster_${id}`;
  const prefix = `test-cluster-${id}:`;
  const env = {
    DATABASE_URL: `${MYSQL_SERVER}/${dbName}`, REDIS_URL, REDIS_PREFIX: prefix, JWT_SECRET: 'cluster-test-secret-cluster-test-secret', HOST: '127.0.0.1',
  };
  const apis: LogicodeProcess[] = [];
  const urls: string[] = [];

  before(async () => {
    for (const index of [0, 1]) {
      const port = await freePort();
      const api = spawnLogicode('api', { ...env, PORT: String(port), DATA_DIR: `/tmp/${dbName}-${index}` });
      apis.push(api);
      urls.push(`http://127.0.0.1:${port}`);
      // The first seeds the demo data; the second starts on a database that has it.
      await api.waitFor(/LogiCode is running/);
    }
  });
  after(async () => {
    await Promise.all(apis.map((api) => api.kill('SIGTERM')));
    const connection = await createConnection({ uri: MYSQL_SERVER });
    await connection.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
    await connection.end();
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  it('a title changed through api#1 is served by api#2 within 1 s (list and detail)', async () => {
    const [one, two] = urls as [string, string];
    const login = await http(one, '/api/auth/login', { method: 'POST', body: { email: 'admin@logicode.local', password: 'admin-demo-pass' } });
    assert.equal(login.status, 200, JSON.stringify(login.body));
    const token = login.body.accessToken as string;
    const list = await http(two, '/api/problems?pageSize=5');
    const problemId = list.body.items[0].id as number;
    // Both processes now hold the list and the detail in their caches (L1 and Redis).
    for (const url of urls) {
      assert.equal((await http(url, `/api/problems/${problemId}`)).status, 200);
      assert.equal((await http(url, '/api/problems?pageSize=5')).status, 200);
    }
    const exported = await http(one, `/api/admin/problems/${problemId}/export`, { token });
    const { format: _format, ...body } = exported.body;
    const title = `Renamed ${id}`;
    // Without reference solutions the save needs no worker to validate it.
    const saved = await http(one, `/api/admin/problems/${problemId}`, { method: 'PUT', token, body: { ...body, problem: { ...body.problem, title }, solutions: [] } });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    const start = Date.now();
    let detailTitle = '';
    let listTitle = '';
    while (Date.now() - start < 1000) {
      detailTitle = (await http(two, `/api/problems/${problemId}`)).body.title;
      listTitle = (await http(two, '/api/problems?pageSize=5')).body.items.find((p: { id: number }) => p.id === problemId)?.title;
      if (detailTitle === title && listTitle === title) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    assert.equal(detailTitle, title, 'detail fresh on api#2');
    assert.equal(listTitle, title, 'list fresh on api#2');
    assert.ok(Date.now() - start < 1000);
  });
});

// MariaDB alone: how fast proctor_events rows go in with the original key layout (random UUID primary key,
// utf8mb4) and with migration 0100's (auto-increment clustered key, UUID as an ascii_bin unique key), with the
// same four secondary indexes, the consumer's statement shape (INSERT IGNORE of 500 rows, ~1,600 rows per
// transaction) and no node code in the way. `npx tsx bench/ingest/keys.ts [rows=1400000]`. Prints rows/s per
// slice of the table's growth and mariadbd's CPU seconds per 100k rows (read from /proc, so run it on the
// database's machine).
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { createConnection } from 'mysql2/promise';
import { cpuMsOf, pidOf } from '../http/support.js';

const MYSQL = (process.env.BENCH_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306').replace(/\/$/, '');
const rows = Number(process.argv[2] ?? 1_400_000);
const SLICE = 200_000;
const PER_TX = 1_600;
const PER_INSERT = 500;

const COLUMNS = `user_id integer not null, problem_id integer not null, attempt_id integer, type varchar(32) not null,
  severity varchar(8) not null, payload varchar(4000) not null default '{}', client_ts_ms bigint not null, created_at_ms bigint not null,
  index (user_id, created_at_ms), index (attempt_id, created_at_ms), index (problem_id, created_at_ms), index (created_at_ms, severity)`;
const LAYOUTS: Record<string, string> = {
  'uuid primary key (0001)': `id varchar(36) primary key, ${COLUMNS}`,
  'auto-increment key + ascii_bin unique id (0100)': `row_id bigint not null auto_increment primary key,
    id varchar(36) character set ascii collate ascii_bin not null, ${COLUMNS}, unique key (id)`,
};

const mariadbPid = pidOf('mariadbd');
const mariadbCpuSec = (): number => cpuMsOf(mariadbPid) / 1000;

const conn = await createConnection({ uri: MYSQL });
const db = `lc_keys_${process.pid}`;
await conn.query(`create database ${db}`);
await conn.query(`use ${db}`);
const users = 1200;
try {
  for (const [name, layout] of Object.entries(LAYOUTS)) {
    await conn.query(`create table ev (${layout})`);
    const types = ['tab_hidden', 'tab_visible', 'window_blur', 'window_focus', 'right_click'];
    let done = 0;
    let sliceStart = Date.now();
    let cpuStart = mariadbCpuSec();
    const slices: string[] = [];
    const started = Date.now();
    while (done < rows) {
      await conn.query('begin');
      for (let t = 0; t < PER_TX; t += PER_INSERT) {
        const now = Date.now();
        const values = Array.from({ length: PER_INSERT }, (_, i) => {
          const user = (done + t + i) % users;
          return [randomUUID(), user, 1, user, types[i % 5], i % 5 === 0 ? 'medium' : 'info', '{}', now, now];
        });
        await conn.query('insert ignore into ev (id, user_id, problem_id, attempt_id, type, severity, payload, client_ts_ms, created_at_ms) values ?', [values]);
      }
      await conn.query('commit');
      done += PER_TX;
      if (done % SLICE < PER_TX) {
        const cpu = mariadbCpuSec();
        slices.push(`${Math.round(SLICE / ((Date.now() - sliceStart) / 1000))}/s (cpu ${((cpu - cpuStart) / (SLICE / 100_000)).toFixed(1)} s/100k)`);
        sliceStart = Date.now();
        cpuStart = cpu;
      }
    }
    const [[size]] = await conn.query(`select data_length, index_length from information_schema.tables where table_schema = ? and table_name = 'ev'`, [db]) as unknown as [[{ data_length: number; index_length: number }]];
    console.log(`${name}: ${Math.round(done / ((Date.now() - started) / 1000))} rows/s overall; per ${SLICE / 1000}k rows: ${slices.join(', ')}; data ${Math.round(size.data_length / 2 ** 20)} MiB, indexes ${Math.round(size.index_length / 2 ** 20)} MiB; load ${loadavg()[0]!.toFixed(1)}`);
    await conn.query('drop table ev');
  }
} finally {
  await conn.query(`drop database if exists ${db}`);
  await conn.end();
}

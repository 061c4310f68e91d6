// Shared by the HTTP benches: a measured autocannon run (our own latency percentiles, CPU time of the server
// and of this load process), server processes, and the results file.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';

export const ROOT = new URL('../../', import.meta.url).pathname;

/** Drops a bench's own database on a MySQL server (`serverUrl` without a database name). */
export async function dropMysqlDatabase(serverUrl: string, database: string): Promise<void> {
  const { createConnection } = await import('mysql2/promise');
  const connection = await createConnection({ uri: serverUrl });
  await connection.query(`DROP DATABASE IF EXISTS \`${database}\``);
  await connection.end();
}
const TICK_MS = 10; // /proc times are in clock ticks (USER_HZ = 100 on Linux)

/**
 * User + system CPU milliseconds a process (all its threads, and its children it has waited for: the judge's
 * sandboxed runs) has used so far; 0 when it is gone.
 */
/** A server process of the machine by name (MariaDB, Redis), for its CPU time; 0 when it is not found. */
export function pidOf(name: string): number {
  try {
    return Number(execFileSync('pidof', ['-s', name], { encoding: 'utf8' }).trim()) || 0;
  } catch {
    return 0;
  }
}

export function cpuMsOf(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) * TICK_MS;
  } catch {
    return 0;
  }
}

export function rssMbOf(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export interface Measured {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  requests: number;
  errors: number;
  non2xx: number;
  /** CPU ms per second of wall time: 1000 = one core busy. */
  serverCpu: number;
  loadCpu: number;
}

export interface Load {
  url: string;
  connections: number;
  durationSec: number;
  warmupSec?: number;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Called per request to vary it (a fresh body, another user's token). */
  setupRequest?: (request: autocannon.Request) => autocannon.Request;
  serverPid?: number;
}

// autocannon's own latency histogram (HdrHistogram, recorded in its request loop), decoded here for the p95 it does
// not print. A `response` listener that pushes each latency into an array costs JavaScript in the load process per
// response: on a fast server (the bare one) that work caps the figure, and the cap moves from run to run (issue 18).
const { decodeHist } = createRequire(import.meta.url)('autocannon/lib/histUtil.js') as {
  decodeHist(encoded: string): { getValueAtPercentile(p: number): number; totalCount: number };
};

interface RawResult {
  latencies: string;
  totalCompletedRequests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
}

/** One autocannon run after a warm-up; percentiles from autocannon's histogram (no per-response JavaScript here). */
export async function measure(load: Load): Promise<Measured> {
  const base = {
    url: load.url, connections: load.connections, method: load.method ?? 'GET', headers: load.headers, body: load.body,
    ...(load.setupRequest ? { requests: [{ setupRequest: load.setupRequest }] } : {}),
  } as autocannon.Options;
  if ((load.warmupSec ?? 1) > 0) await autocannon({ ...base, duration: load.warmupSec ?? 1 });
  const serverBefore = cpuMsOf(load.serverPid);
  const loadBefore = process.cpuUsage();
  const started = Date.now();
  // skipAggregateResult: the raw result, whose encoded histogram we decode once at the end.
  const result = await autocannon({ ...base, duration: load.durationSec, skipAggregateResult: true } as autocannon.Options) as unknown as RawResult;
  const wallSec = (Date.now() - started) / 1000;
  const loadUsage = process.cpuUsage(loadBefore);
  const histogram = decodeHist(result.latencies);
  return {
    rps: result.totalCompletedRequests / load.durationSec,
    p50: histogram.getValueAtPercentile(50), p95: histogram.getValueAtPercentile(95), p99: histogram.getValueAtPercentile(99),
    requests: result.totalCompletedRequests, errors: result.errors + result.timeouts, non2xx: result.non2xx,
    serverCpu: (cpuMsOf(load.serverPid) - serverBefore) / wallSec,
    loadCpu: (loadUsage.user + loadUsage.system) / 1000 / wallSec,
  };
}

/** The median of some numbers (the middle of an odd count, the mean of the two middle ones otherwise). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export const ms = (n: number) => (n < 10 ? n.toFixed(1) : n.toFixed(0));
export const int = (n: number) => Math.round(n).toLocaleString('en-US');

export function machine(): string {
  const load = loadavg().map((n) => n.toFixed(1)).join(' / ');
  return `${cpus().length} × ${cpus()[0]?.model.trim() ?? '?'}, Node ${process.version}, load average ${load} (1/5/15 min) at the end`;
}

/** Writes bench/results/<name>[-quick].md and prints it. */
export function writeResults(name: string, quick: boolean, lines: string[]): string {
  const dir = join(ROOT, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}${quick ? '-quick' : ''}.md`);
  const text = `${lines.join('\n')}\n`;
  writeFileSync(file, text);
  console.log(`\n${text}\nwrote ${file}`);
  return file;
}

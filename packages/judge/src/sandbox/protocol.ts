// The wire format between the judge and supervisor.c (see the comment at the top of that file).
import type { RunRequest, RunStatus } from './types.js';

export function encodeRunRequest(req: RunRequest): Buffer {
  const l = req.limits;
  const files = req.files ?? [];
  const stdin = Buffer.from(req.stdin);
  const head = [
    'RUN', l.cpuMs, l.wallMs, l.fileSizeBytes, l.outputBytes, l.stderrBytes, l.stackKb, l.addressSpaceKb,
    l.processes, l.openFiles, req.fresh ? 1 : 0, files.length, stdin.length, req.argv?.length ?? 0,
    req.mode === 'zygote-start' ? 1 : req.mode === 'zygote' ? 2 : 0,
  ].map((v) => (typeof v === 'number' ? String(Math.max(0, Math.floor(v))) : v));
  const parts: Buffer[] = [Buffer.from(head.join(' ') + '\n')];
  for (const arg of req.argv ?? []) {
    const bytes = Buffer.from(arg);
    parts.push(Buffer.from(`${bytes.length}\n`), bytes);
  }
  for (const file of files) {
    if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(file.name)) throw new Error(`bad file name ${file.name}`);
    const name = Buffer.from(file.name);
    const data = Buffer.from(file.data);
    parts.push(Buffer.from(`${name.length} ${data.length}\n`), name, data);
  }
  parts.push(stdin);
  return Buffer.concat(parts);
}

export interface RawResult {
  status: Exclude<RunStatus, 'crashed'>;
  exitCode: number | null;
  signal: number | null;
  cpuUs: number;
  wallUs: number;
  maxRssKb: number;
  oomKills: number;
  /** Bytes the program wrote, including what was cut off. */
  stdoutTotal: number;
  stderrTotal: number;
}

export type SupervisorEvent =
  | { kind: 'stdout'; data: Buffer }
  | { kind: 'stderr'; data: Buffer }
  | { kind: 'result'; result: RawResult }
  | { kind: 'ready' };

const STATUSES = new Set(['ok', 'cpu', 'wall', 'ole']);

export function parseResultLine(line: string): RawResult {
  const f = line.split(' ');
  const status = f[1] ?? '';
  if (f[0] !== 'R' || f.length !== 10 || !STATUSES.has(status)) throw new Error(`bad supervisor line: ${line}`);
  const n = f.slice(2).map(Number);
  if (n.some((x) => !Number.isFinite(x))) throw new Error(`bad supervisor line: ${line}`);
  const [exit, sig, cpuUs, wallUs, maxRssKb, oomKills, stdoutTotal, stderrTotal] = n as [number, number, number, number, number, number, number, number];
  return {
    status: status as RawResult['status'],
    exitCode: exit >= 0 ? exit : null,
    signal: sig > 0 ? sig : null,
    cpuUs,
    wallUs,
    maxRssKb,
    oomKills,
    stdoutTotal,
    stderrTotal,
  };
}

/** Incremental parser for the supervisor's stream: feed chunks, get events. */
export class SupervisorStreamParser {
  private buf: Buffer = Buffer.alloc(0);
  private pending: { kind: 'stdout' | 'stderr'; length: number } | null = null;

  feed(chunk: Buffer): SupervisorEvent[] {
    this.buf = this.buf.length === 0 ? chunk : Buffer.concat([this.buf, chunk]);
    const events: SupervisorEvent[] = [];
    for (;;) {
      if (this.pending) {
        if (this.buf.length < this.pending.length) break;
        events.push({ kind: this.pending.kind, data: this.buf.subarray(0, this.pending.length) });
        this.buf = this.buf.subarray(this.pending.length);
        this.pending = null;
        continue;
      }
      const nl = this.buf.indexOf(10);
      if (nl < 0) break;
      const line = this.buf.subarray(0, nl).toString('latin1');
      this.buf = this.buf.subarray(nl + 1);
      if (line.startsWith('O ') || line.startsWith('E ')) {
        const length = Number(line.slice(2));
        if (!Number.isInteger(length) || length < 0) throw new Error(`bad supervisor line: ${line}`);
        this.pending = { kind: line[0] === 'O' ? 'stdout' : 'stderr', length };
      } else if (line === 'READY') {
        events.push({ kind: 'ready' });
      } else {
        events.push({ kind: 'result', result: parseResultLine(line) });
      }
    }
    return events;
  }
}

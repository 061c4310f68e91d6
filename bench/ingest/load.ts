// The simulated students: each sends a batch of proctoring events every `intervalMs` over keep-alive HTTP,
// waiting for the previous answer first (a slow server slows its students down, as real clients would).
import { randomUUID } from 'node:crypto';
import http from 'node:http';

export interface Student {
  token: string;
  problemId: number;
  attemptId: number;
}

export interface LoadOptions {
  port: number;
  students: Student[];
  eventsPerBatch: number;
  intervalMs: number;
  durationMs: number;
}

export interface LoadResult {
  posts: number;
  accepted: number;
  failedPosts: number;
  latenciesMs: number[];
  elapsedMs: number;
}

/** A realistic mix: mostly focus changes and snapshots, some clipboard and mouse events. */
function eventFor(student: Student, i: number, seq: { n: number }) {
  const base = { id: randomUUID(), clientTsMs: Date.now(), problemId: student.problemId, attemptId: student.attemptId };
  switch (i % 10) {
    case 0: return { ...base, type: 'tab_hidden', data: {} };
    case 1: return { ...base, type: 'tab_visible', data: { hiddenMs: 1200 } };
    case 2: return { ...base, type: 'window_blur', data: {} };
    case 3: return { ...base, type: 'window_focus', data: { blurredMs: 800 } };
    case 4: return { ...base, type: 'paste', data: { length: 30 + (i % 50), place: 'editor' } };
    case 5: return { ...base, type: 'copy', data: { length: 12, place: 'editor' } };
    case 6: return { ...base, type: 'right_click', data: { place: 'other' } };
    case 7: return { ...base, type: 'idle_end', data: { idleMs: 20_000 } };
    default: {
      seq.n += 1;
      return seq.n === 1
        ? { ...base, type: 'code_snapshot', data: { kind: 'full', seq: 1, language: 'python', content: 'print(int(input()) * 2)\n' } }
        : { ...base, type: 'code_snapshot', data: { kind: 'diff', seq: seq.n, baseSeq: seq.n - 1, language: 'python', edits: [{ from: 0, to: 0, text: '#' }] } };
    }
  }
}

function post(agent: http.Agent, port: number, token: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: '127.0.0.1', port, path: '/api/proctor/events', method: 'POST', agent,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 128 });
  const result: LoadResult = { posts: 0, accepted: 0, failedPosts: 0, latenciesMs: [], elapsedMs: 0 };
  const started = Date.now();
  const endAt = started + options.durationMs;
  let counter = 0;
  const one = async (student: Student, offsetMs: number) => {
    const seq = { n: 0 };
    await new Promise((r) => setTimeout(r, offsetMs));
    while (Date.now() < endAt) {
      const tickStart = Date.now();
      const events = Array.from({ length: options.eventsPerBatch }, () => eventFor(student, (counter += 1), seq));
      try {
        const res = await post(agent, options.port, student.token, JSON.stringify({ events }));
        result.latenciesMs.push(Date.now() - tickStart);
        result.posts += 1;
        if (res.status === 202) result.accepted += (JSON.parse(res.text) as { accepted: number }).accepted;
        else {
          result.failedPosts += 1;
          if (result.failedPosts <= 3) console.error(`POST ${res.status}: ${res.text.slice(0, 200)}`);
        }
      } catch (error) {
        result.failedPosts += 1;
        if (result.failedPosts <= 3) console.error(String(error));
      }
      const wait = options.intervalMs - (Date.now() - tickStart);
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
  };
  await Promise.all(options.students.map((s, i) => one(s, (i * options.intervalMs) / options.students.length)));
  result.elapsedMs = Date.now() - started;
  agent.destroy();
  return result;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

// A school after a term, for the benches: `npx tsx bench/data/generate.ts [--quick] [--url <DATABASE_URL>]`.
// Migrates through the real schema, seeds the demo accounts and the 15 seed problems through the services, then
// bulk-inserts the rest (students, generated problems, solved rows, attempts, proctor events, flags, submissions)
// with a seeded PRNG: the same arguments give the same rows. Without --url it fills a fresh SQLite file in /tmp.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CATEGORIES, PROCTOR_EVENT_TYPES, type ProctorEventType } from '@logicode/contracts';
import { createRuntime, seedDemo } from '@logicode/core';
import { DEFAULT_POOL } from '@logicode/db';
import { emptyCounters } from '@logicode/proctoring';
import { loadSeedProblems } from '../../apps/cli/src/seed-problems.js';
import { benchCoreConfig } from './tokens.js';

export interface SchoolSize {
  students: number;
  problems: number;
  solved: number;
  proctorEvents: number;
  submissions: number;
  attemptsPerStudent: number;
  /** Attempts still open (heartbeat now): "active now" on the dashboard. */
  activeAttempts: number;
}

export const TERM_SIZE: SchoolSize = {
  students: 2000, problems: 50, solved: 20_000, proctorEvents: 100_000, submissions: 5000, attemptsPerStudent: 2, activeAttempts: 150,
};
/** For smoke runs: the same shape, a tenth of the rows. */
export const QUICK_SIZE: SchoolSize = {
  students: 200, problems: 20, solved: 2000, proctorEvents: 10_000, submissions: 500, attemptsPerStudent: 2, activeAttempts: 20,
};

export interface School {
  url: string;
  studentIds: number[];
  teacherId: number;
  problemIds: number[];
  /** The seeded FizzBuzz, made timed (90 min) and proctored: the mixed bench's exam problem. */
  examProblemId: number;
  /** Reference Python solution of the exam problem (accepted by the judge). */
  examSolution: string;
  counts: Record<string, number>;
  elapsedMs: number;
}

/** mulberry32: small, fast, good enough for test data, and the same sequence for the same seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY_MS = 86_400_000;
const TERM_DAYS = 90;
const FIRST = ['Ana', 'Ben', 'Chloe', 'Dev', 'Ema', 'Farid', 'Gita', 'Hugo', 'Iris', 'Jon', 'Kai', 'Lena', 'Milo', 'Nora', 'Omar', 'Pia', 'Quinn', 'Rosa', 'Sami', 'Tara'];
const LAST = ['Novak', 'Silva', 'Kim', 'Okafor', 'Larsen', 'Rossi', 'Haddad', 'Ivanova', 'Mehta', 'Tanaka', 'Dubois', 'Moreau', 'Nagy', 'Costa', 'Weber'];

async function chunked<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

function uuidFrom(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Fills `url` (which must be empty or absent) and returns what the benches need to address it. */
export async function generateSchool(url: string, size: SchoolSize = TERM_SIZE, seed = 42): Promise<School> {
  const started = Date.now();
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const runtime = await createRuntime({
    db: { url, pool: DEFAULT_POOL },
    redisUrl: null, redisPrefix: 'bench-generate:', core: benchCoreConfig, migrate: true, validateProblems: false,
    log: (level, message, data) => {
      if (level === 'error') console.error(message, data);
    },
  });
  try {
    const { db } = runtime.db;
    if ((await runtime.core.accounts.countUsers()) > 0) throw new Error(`${url} already has users: generate into an empty database`);
    const seedProblems = loadSeedProblems();
    await seedDemo(runtime.core, { problems: seedProblems, adminPassword: 'admin-demo-pass' });
    const now = Date.now();
    const termStartMs = now - TERM_DAYS * DAY_MS;
    const at = () => termStartMs + Math.floor(random() * (TERM_DAYS * DAY_MS - 3_600_000));
    const alice = await db.selectFrom('users').select('passwordHash').where('email', '=', 'alice@logicode.local').executeTakeFirstOrThrow();
    const teacher = await db.selectFrom('users').select('id').where('role', '=', 'teacher').executeTakeFirstOrThrow();

    // The exam problem: FizzBuzz, timed and proctored.
    const exam = await db.selectFrom('problems').select('id').where('slug', '=', seedProblems[0]!.problem.slug).executeTakeFirstOrThrow();
    await db.updateTable('problems').set({ timedDurationSec: 5400 }).where('id', '=', exam.id).execute();
    await db.insertInto('proctorSettings').values({
      problemId: exam.id, enabled: 1, allowedTabSwitches: 3, largePasteChars: 200, fullscreenRequired: 0, idleLimitSec: 0,
      breachAction: 'flag', updatedBy: teacher.id, updatedAtMs: now,
    }).execute();

    // Students: every one signs in with the demo student password (one argon2 hash, shared).
    const students = Array.from({ length: size.students }, (_, i) => ({
      name: `${pick(FIRST)} ${pick(LAST)} ${i + 1}`, email: `student${i + 1}@school.example`, passwordHash: alice.passwordHash,
      role: 'student' as const, createdAtMs: termStartMs, updatedAtMs: termStartMs,
    }));
    await db.transaction().execute(async (trx) => chunked(students, 500, (c) => trx.insertInto('users').values(c).execute()));
    const studentIds = (await db.selectFrom('users').select('id').where('role', '=', 'student').orderBy('id').execute()).map((r) => r.id);

    // Problems beyond the seed ones: a short statement, one language, two tests (enough for list and detail).
    const extra = Math.max(0, size.problems - seedProblems.length);
    const problemRows = Array.from({ length: extra }, (_, i) => ({
      slug: `term-${i + 1}`, title: `Term exercise ${i + 1}`, statement: `Read n numbers and print their sum.\n\n${'Practice text. '.repeat(40)}`,
      category: pick(CATEGORIES), difficulty: pick(['easy', 'easy', 'medium', 'medium', 'hard'] as const), tags: '["practice"]',
      style: 'stdio' as const, timeLimitMs: 1000, memoryLimitKb: 262_144, checker: '{"kind":"exact"}', timedDurationSec: null,
      isPublished: 1, createdBy: teacher.id, createdAtMs: termStartMs, updatedAtMs: termStartMs,
    }));
    if (problemRows.length) await db.insertInto('problems').values(problemRows).execute();
    const problems = await db.selectFrom('problems').select(['id', 'slug']).orderBy('id').execute();
    const generated = problems.filter((p) => p.slug.startsWith('term-'));
    if (generated.length) {
      await db.insertInto('problemLanguages').values(generated.map((p) => ({ problemId: p.id, language: 'python', starterCode: 'import sys\n', driverCode: null }))).execute();
      await db.insertInto('testCases').values(generated.flatMap((p) => [0, 1].map((ordinal) => ({
        problemId: p.id, ordinal, input: `3\n1 2 ${ordinal + 3}\n`, expectedOutput: `${ordinal + 6}\n`, isSample: ordinal === 0 ? 1 : 0, weight: 1,
      })))).execute();
      await db.insertInto('referenceSolutions').values(generated.map((p) => ({ problemId: p.id, language: 'python', source: 'import sys\nprint(sum(map(int, sys.stdin.read().split()[1:])))\n' }))).execute();
    }
    const problemIds = problems.map((p) => p.id);

    // Submissions with code, then solved rows: some are the accepted submissions; most predate them (imported
    // from the term's earlier work, submission_id 0): the issue asks for 20,000 solved and 5,000 submissions.
    const codeOf = (n: number) => `import sys\n\n# attempt ${n}\n${'def helper(x):\n    return x * 2\n\n'.repeat(1 + (n % 8))}print(sum(map(int, sys.stdin.read().split()[1:])))\n`;
    const submissionRows = Array.from({ length: size.submissions }, (_, i) => {
      const created = at();
      const accepted = random() < 0.55;
      const mode = random() < 0.3 ? 'run' as const : 'submit' as const;
      return {
        userId: pick(studentIds), problemId: pick(problemIds), language: pick(['python', 'python', 'c', 'cpp', 'java', 'javascript'] as const),
        mode, status: 'done' as const, verdict: accepted ? 'AC' as const : pick(['WA', 'TLE', 'RE', 'CE'] as const), score: accepted ? 100 : 40,
        code: codeOf(i), customInput: null, compileOutput: null, testCount: 10, maxCpuMs: 12 + Math.floor(random() * 80), maxMemoryKb: 9000,
        attemptId: null, autoSubmitted: 0, tries: 1, createdAtMs: created, startedAtMs: created + 40, finishedAtMs: created + 300,
      };
    });
    await db.transaction().execute(async (trx) => chunked(submissionRows, 300, (c) => trx.insertInto('submissions').values(c as never).execute()));
    const acceptedSubmissions = await db.selectFrom('submissions').select(['id', 'userId', 'problemId', 'finishedAtMs'])
      .where('mode', '=', 'submit').where('verdict', '=', 'AC').orderBy('id').execute();

    const solvedKeys = new Set<string>();
    const solvedRows: { userId: number; problemId: number; submissionId: number; solvedAtMs: number }[] = [];
    const addSolved = (userId: number, problemId: number, submissionId: number, solvedAtMs: number) => {
      const key = `${userId}:${problemId}`;
      if (solvedKeys.has(key) || solvedRows.length >= size.solved) return;
      solvedKeys.add(key);
      solvedRows.push({ userId, problemId, submissionId, solvedAtMs });
    };
    for (const s of acceptedSubmissions) addSolved(s.userId, s.problemId, s.id, Number(s.finishedAtMs));
    // Skewed like a class: keen students solve many, popular (early) problems are solved most.
    const cap = Math.min(size.solved, studentIds.length * problemIds.length);
    while (solvedRows.length < cap) {
      const student = studentIds[Math.floor(studentIds.length * random() ** 1.6)]!;
      const problem = problemIds[Math.floor(problemIds.length * random() ** 1.4)]!;
      addSolved(student, problem, 0, at());
    }
    await db.transaction().execute(async (trx) => chunked(solvedRows, 500, (c) => trx.insertInto('solved').values(c).execute()));
    const perProblem = new Map<number, number>();
    for (const r of solvedRows) perProblem.set(r.problemId, (perProblem.get(r.problemId) ?? 0) + 1);
    await db.transaction().execute(async (trx) => {
      for (const [id, n] of perProblem) await trx.updateTable('problems').set({ solvedCount: n }).where('id', '=', id).execute();
    });

    // Attempts (problem sessions), each with its events; counters folded from the generated events.
    const attempts = studentIds.flatMap((userId) => Array.from({ length: size.attemptsPerStudent }, () => ({ userId, problemId: pick(problemIds) })));
    const eventsPerAttempt = Math.ceil(size.proctorEvents / attempts.length);
    const weighted: ProctorEventType[] = [...PROCTOR_EVENT_TYPES, 'tab_hidden', 'tab_visible', 'window_blur', 'window_focus', 'code_snapshot', 'code_snapshot'];
    const startOfTodayMs = Math.floor(now / DAY_MS) * DAY_MS;
    const sessionRows = attempts.map((a, index) => {
      const active = index < size.activeAttempts;
      // A few attempts are from today (the dashboard's "events today"); the open ones started minutes ago.
      const startedAtMs = active ? now - 20 * 60_000 : index % 20 === 0 ? startOfTodayMs + Math.floor(random() * Math.max(1, now - startOfTodayMs - 3_600_000)) : at();
      return {
        userId: a.userId, problemId: a.problemId, assessmentId: null, startedAtMs, lastHeartbeatAtMs: active ? now : startedAtMs + 3_000_000,
        endedAtMs: active ? null : startedAtMs + 3_000_000, endReason: active ? null : 'left', deadlineAtMs: null, isActive: active ? 1 : 0,
        language: 'python', counters: '{}', integrityScore: 100,
      };
    });
    await db.transaction().execute(async (trx) => chunked(sessionRows, 500, (c) => trx.insertInto('problemSessions').values(c).execute()));
    const sessions = await db.selectFrom('problemSessions').select(['id', 'userId', 'problemId', 'startedAtMs']).orderBy('id').execute();

    const eventRows: { id: string; userId: number; problemId: number; attemptId: number; type: string; severity: string; payload: string; clientTsMs: number; createdAtMs: number }[] = [];
    const flagRows: Record<string, unknown>[] = [];
    const countersBy: { id: number; counters: string; integrityScore: number }[] = [];
    for (const session of sessions) {
      const counters = emptyCounters();
      const n = Math.min(eventsPerAttempt, size.proctorEvents - eventRows.length);
      for (let k = 0; k < n; k += 1) {
        const type = pick(weighted);
        const ts = Number(session.startedAtMs) + k * 7000 + Math.floor(random() * 5000);
        const severity = type === 'paste' || type === 'devtools_shortcut' ? 'high' : type === 'tab_hidden' || type === 'window_blur' || type === 'fullscreen_exit' ? 'medium' : 'low';
        const payload = type === 'paste' || type === 'copy' || type === 'cut' ? { length: 5 + Math.floor(random() * 400), place: pick(['editor', 'statement', 'other'] as const) }
          : type === 'tab_visible' ? { hiddenMs: Math.floor(random() * 20_000) } : type === 'idle_end' ? { idleMs: Math.floor(random() * 90_000) } : {};
        counters.events += 1;
        if (type === 'tab_hidden') counters.tabHidden += 1;
        if (type === 'window_blur') counters.windowBlur += 1;
        if (type === 'paste') counters.paste += 1;
        if (type === 'copy') counters.copy += 1;
        if (type === 'right_click') counters.rightClick += 1;
        if (type === 'code_snapshot') counters.snapshots += 1;
        eventRows.push({ id: uuidFrom(random), userId: session.userId, problemId: session.problemId, attemptId: session.id, type, severity, payload: JSON.stringify(payload), clientTsMs: ts, createdAtMs: ts + 30 });
      }
      const integrityScore = Math.max(0, 100 - counters.tabHidden * 8 - counters.paste * 10);
      countersBy.push({ id: session.id, counters: JSON.stringify(counters), integrityScore });
      if (counters.tabHidden > 3) {
        flagRows.push({
          attemptId: session.id, userId: session.userId, problemId: session.problemId, rule: 'tab_switches',
          reason: `Left the tab ${counters.tabHidden} times (3 allowed).`, severity: 'medium', status: random() < 0.7 ? 'open' : 'cleared', note: null,
          createdAtMs: Number(session.startedAtMs) + 600_000, updatedAtMs: Number(session.startedAtMs) + 600_000, action: 'flag', eventId: null,
          dedupeKey: 'tab_switches', reviewedBy: null, reviewedAtMs: null,
        });
      }
    }
    await db.transaction().execute(async (trx) => {
      await chunked(eventRows, 500, (c) => trx.insertInto('proctorEvents').values(c as never).execute());
      await chunked(flagRows, 500, (c) => trx.insertInto('proctorFlags').values(c as never).execute());
      for (const row of countersBy) await trx.updateTable('problemSessions').set({ counters: row.counters, integrityScore: row.integrityScore }).where('id', '=', row.id).execute();
    });
    // The teacher's class holds every student: a teacher sees the students of their own classes (docs/access.md),
    // and a class of the whole school is the teacher views' worst case (the scope's id list is the largest).
    const classId = Number((await db.insertInto('classes').values({ name: 'Whole school', teacherId: teacher.id, joinCode: 'BENCHCLS', createdAtMs: Date.now() }).executeTakeFirstOrThrow()).insertId);
    await chunked(studentIds.map((userId) => ({ classId, userId, joinedAtMs: Date.now() })), 500, (c) => db.insertInto('classMembers').values(c).execute());

    return {
      url, studentIds, teacherId: teacher.id, problemIds, examProblemId: exam.id,
      examSolution: seedProblems[0]!.solutions.find((s) => s.language === 'python')!.source,
      counts: {
        students: studentIds.length, problems: problemIds.length, solved: solvedRows.length, attempts: sessions.length,
        proctorEvents: eventRows.length, flags: flagRows.length, submissions: submissionRows.length,
      },
      elapsedMs: Date.now() - started,
    };
  } finally {
    await runtime.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const url = args.includes('--url') ? args[args.indexOf('--url') + 1]! : `sqlite:${join(mkdtempSync(join(tmpdir(), 'logicode-school-')), 'school.db')}`;
  const school = await generateSchool(url, args.includes('--quick') ? QUICK_SIZE : TERM_SIZE);
  console.log(`${school.url}: ${JSON.stringify(school.counts)} in ${(school.elapsedMs / 1000).toFixed(1)} s`);
}

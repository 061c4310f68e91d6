// The exam the mixed bench's virtual students sit: the seeded FizzBuzz made timed and proctored, and enough
// student accounts. On a fresh database the school generator provides both; on the local cluster's (seeded
// with the demo data) this adds what is missing, so the bench can run there again and again.
import { createDb, DEFAULT_POOL } from '@logicode/db';
import { loadSeedProblems } from '../../apps/cli/src/seed-problems.js';

export interface Exam {
  studentIds: number[];
  teacherId: number;
  problemId: number;
  solution: string;
}

export async function prepareExam(url: string, students: number): Promise<Exam> {
  const handle = createDb({ url, pool: DEFAULT_POOL });
  const { db } = handle;
  try {
    const fizzbuzz = loadSeedProblems()[0]!;
    const problem = await db.selectFrom('problems').select('id').where('slug', '=', fizzbuzz.problem.slug).executeTakeFirstOrThrow();
    const teacher = await db.selectFrom('users').select('id').where('role', '=', 'teacher').orderBy('id').executeTakeFirstOrThrow();
    const now = Date.now();
    await db.updateTable('problems').set({ timedDurationSec: 5400 }).where('id', '=', problem.id).execute();
    const settings = await db.selectFrom('proctorSettings').select('problemId').where('problemId', '=', problem.id).executeTakeFirst();
    if (!settings) {
      await db.insertInto('proctorSettings').values({
        problemId: problem.id, enabled: 1, allowedTabSwitches: 3, largePasteChars: 200, fullscreenRequired: 0, idleLimitSec: 0,
        breachAction: 'flag', updatedBy: teacher.id, updatedAtMs: now,
      }).execute();
    }
    const have = async () => (await db.selectFrom('users').select('id').where('role', '=', 'student').orderBy('id').limit(students).execute()).map((r) => r.id);
    let ids = await have();
    if (ids.length < students) {
      const hash = (await db.selectFrom('users').select('passwordHash').where('role', '=', 'student').executeTakeFirstOrThrow()).passwordHash;
      const tag = now.toString(36);
      const rows = Array.from({ length: students - ids.length }, (_, i) => ({
        name: `Exam Student ${tag}-${i}`, email: `exam-${tag}-${i}@school.example`, passwordHash: hash, role: 'student' as const, createdAtMs: now, updatedAtMs: now,
      }));
      for (let i = 0; i < rows.length; i += 500) await db.insertInto('users').values(rows.slice(i, i + 500)).execute();
      ids = await have();
    }
    return { studentIds: ids, teacherId: teacher.id, problemId: problem.id, solution: fizzbuzz.solutions.find((s) => s.language === 'python')!.source };
  } finally {
    await handle.close();
  }
}

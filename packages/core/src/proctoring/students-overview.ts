import type { StudentRow } from '@logicode/contracts';
import { normaliseCounters } from '@logicode/proctoring';
import type { CoreDeps } from '../context.js';

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Every student with solved count, attempts, open flags, tab switches, pastes, worst integrity score and last
 * activity. A handful of grouped queries, whatever the class size (the original ran one query per student).
 */
export async function studentsOverview(deps: CoreDeps, query: { q?: string | undefined; limit: number }): Promise<StudentRow[]> {
  const { db } = deps.db;
  let users = db.selectFrom('users').select(['id', 'name', 'email']).where('role', '=', 'student');
  if (query.q) {
    const like = `%${escapeLike(query.q.toLowerCase())}%`;
    users = users.where((eb) => eb.or([eb('email', 'like', like), eb(eb.fn('lower', ['name']), 'like', like)]));
  }
  const students = await users.orderBy('name').orderBy('id').limit(query.limit).execute();
  if (students.length === 0) return [];
  const ids = students.map((s) => s.id);
  const [solved, sessions, flags] = await Promise.all([
    db.selectFrom('solved').select(['userId', (eb) => eb.fn.countAll<number>().as('n')]).where('userId', 'in', ids).groupBy('userId').execute(),
    db.selectFrom('problemSessions').select(['userId', 'counters', 'integrityScore', 'lastHeartbeatAtMs']).where('userId', 'in', ids).execute(),
    db.selectFrom('proctorFlags').select(['userId', (eb) => eb.fn.countAll<number>().as('n')]).where('status', '=', 'open').where('userId', 'in', ids).groupBy('userId').execute(),
  ]);
  const solvedBy = new Map(solved.map((r) => [r.userId, Number(r.n)]));
  const flagsBy = new Map(flags.map((r) => [r.userId, Number(r.n)]));
  const activity = new Map<number, { attempts: number; tabHidden: number; paste: number; integrity: number | null; lastMs: number | null }>();
  for (const session of sessions) {
    const entry = activity.get(session.userId) ?? { attempts: 0, tabHidden: 0, paste: 0, integrity: null, lastMs: null };
    const counters = normaliseCounters(JSON.parse(session.counters));
    entry.attempts += 1;
    entry.tabHidden += counters.tabHidden;
    entry.paste += counters.paste;
    entry.integrity = entry.integrity === null ? session.integrityScore : Math.min(entry.integrity, session.integrityScore);
    entry.lastMs = Math.max(entry.lastMs ?? 0, Number(session.lastHeartbeatAtMs));
    activity.set(session.userId, entry);
  }
  return students.map((student) => {
    const a = activity.get(student.id);
    return {
      id: student.id,
      name: student.name,
      email: student.email,
      solvedCount: solvedBy.get(student.id) ?? 0,
      attempts: a?.attempts ?? 0,
      openFlags: flagsBy.get(student.id) ?? 0,
      tabHidden: a?.tabHidden ?? 0,
      paste: a?.paste ?? 0,
      integrityScore: a?.integrity ?? null,
      lastActiveAt: a?.lastMs ? new Date(a.lastMs).toISOString() : null,
    };
  });
}

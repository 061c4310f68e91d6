import type { StudentRow } from '@logicode/contracts';
import { normaliseCounters } from '@logicode/proctoring';
import type { CoreDeps } from '../context.js';

/**
 * How long one computed overview serves every teacher asking for the same thing. The original's dashboard
 * polled every 2 s; at a school's size (2,000 students, 4,000 attempts) one computation takes 40-100 ms of a core,
 * so 50 teachers asking at once would queue behind each other for seconds without this.
 */
export const OVERVIEW_FRESH_MS = 2000;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

type Query = { q?: string | undefined; limit: number };
/** Per process (per deps): the overview being computed or recently computed, by query. */
const memos = new WeakMap<CoreDeps, Map<string, { rows: Promise<StudentRow[]>; untilMs: number }>>();

/**
 * Every student with solved count, attempts, open flags, tab switches, pastes, worst integrity score and last
 * activity: a handful of grouped queries, whatever the class size (the original ran four subqueries per student).
 * Concurrent and repeated callers within OVERVIEW_FRESH_MS share one computation (and get the same array).
 */
export function studentsOverview(deps: CoreDeps, query: Query): Promise<StudentRow[]> {
  let memo = memos.get(deps);
  if (!memo) memos.set(deps, (memo = new Map()));
  const key = `${query.limit}:${query.q ?? ''}`;
  const now = deps.clock.now();
  const hit = memo.get(key);
  if (hit && hit.untilMs > now) return hit.rows;
  for (const [k, v] of memo) if (v.untilMs <= now) memo.delete(k);
  const rows = compute(deps, query);
  memo.set(key, { rows, untilMs: now + OVERVIEW_FRESH_MS });
  rows.catch(() => memo.delete(key));
  return rows;
}

async function compute(deps: CoreDeps, query: Query): Promise<StudentRow[]> {
  const { db } = deps.db;
  let users = db.selectFrom('users').select(['id', 'name', 'email']).where('role', '=', 'student');
  if (query.q) {
    const like = `%${escapeLike(query.q.toLowerCase())}%`;
    users = users.where((eb) => eb.or([eb('email', 'like', like), eb(eb.fn('lower', ['name']), 'like', like)]));
  }
  const students = await users.orderBy('name').orderBy('id').limit(query.limit).execute();
  if (students.length === 0) return [];
  // A search narrows to a few students: filter by id. The whole class: aggregate whole tables, which reads each
  // index once instead of probing it with thousands of ids (3-5x faster at 2,000 students on both databases).
  const ids = query.q ? students.map((s) => s.id) : null;
  const solvedQuery = db.selectFrom('solved').select(['userId', (eb) => eb.fn.countAll<number>().as('n')]);
  const sessionsQuery = db.selectFrom('problemSessions').select(['userId', 'counters', 'integrityScore', 'lastHeartbeatAtMs']);
  const flagsQuery = db.selectFrom('proctorFlags').select(['userId', (eb) => eb.fn.countAll<number>().as('n')]).where('status', '=', 'open');
  const [solved, sessions, flags] = await Promise.all([
    (ids ? solvedQuery.where('userId', 'in', ids) : solvedQuery).groupBy('userId').execute(),
    (ids ? sessionsQuery.where('userId', 'in', ids) : sessionsQuery).execute(),
    (ids ? flagsQuery.where('userId', 'in', ids) : flagsQuery).groupBy('userId').execute(),
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

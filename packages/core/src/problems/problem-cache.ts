import type { ProblemCatalogDetail, ProblemListQuery } from '@logicode/contracts';
import { isStaff, type Actor, type CoreDeps } from '../context.js';
import { listProblems } from './problem-list.js';

/**
 * Hot catalog reads through the cache (keys under `problems:`; the service drops that prefix after every write,
 * and in scaled mode the drop reaches every process). What is cached never depends on who asks: the caller's
 * own `solved` flags are read from the primary on every request, so a student sees their accepted submission at
 * once. solvedCount may trail by up to the TTL.
 */
const LIST_TTL_MS = 15_000;
const DETAIL_TTL_MS = 60_000;

type ProblemList = Awaited<ReturnType<typeof listProblems>>;

async function solvedAmong(deps: CoreDeps, actor: Actor, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await deps.db.db.selectFrom('solved').select('problemId').where('userId', '=', actor.userId).where('problemId', 'in', ids).execute();
  return new Set(rows.map((r) => r.problemId));
}

/** The catalog page; lists the same for every student (or every staff member), read from the replica if any. */
export async function cachedProblemList(deps: CoreDeps, query: ProblemListQuery, actor: Actor | null): Promise<ProblemList> {
  // "Only what I solved" depends on the caller's own recent writes: straight to the primary, uncached.
  if (query.solved) return listProblems(deps.db, query, actor);
  const audience = isStaff(actor) ? 'staff' : 'public';
  const key = `problems:list:${audience}:${JSON.stringify(Object.entries(query).sort(([a], [b]) => a.localeCompare(b)))}`;
  let list = await deps.cache.get<ProblemList>(key);
  if (!list) {
    // The catalog tolerates replication lag; the short TTL bounds a stale page refilled during lag.
    list = await listProblems({ ...deps.db, db: deps.db.readDb }, query, audience === 'staff' ? actor : null);
    await deps.cache.set(key, list, LIST_TTL_MS);
  }
  if (!actor) return { ...list, items: list.items.map((item) => ({ ...item, solved: null })) };
  const solved = await solvedAmong(deps, actor, list.items.map((item) => item.id));
  return { ...list, items: list.items.map((item) => ({ ...item, solved: solved.has(item.id) })) };
}

/** A problem's public detail, cached without the caller's `solved` flag (added per request). */
export async function cachedProblemDetail(
  deps: CoreDeps,
  id: number,
  actor: Actor | null,
  load: (id: number) => Promise<ProblemCatalogDetail | null>,
): Promise<ProblemCatalogDetail | null> {
  const key = `problems:detail:${id}`;
  let detail = (await deps.cache.get<ProblemCatalogDetail>(key)) ?? null;
  if (!detail) {
    detail = await load(id);
    if (!detail) return null;
    await deps.cache.set(key, detail, DETAIL_TTL_MS);
  }
  if (!actor) return { ...detail, solved: null };
  const solved = await solvedAmong(deps, actor, [id]);
  return { ...detail, solved: solved.has(id) };
}

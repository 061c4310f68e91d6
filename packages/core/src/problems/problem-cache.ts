import { problemListQuerySchema, type ProblemCatalogDetail, type ProblemListQuery } from '@logicode/contracts';
import { isStaff, type Actor, type CoreDeps } from '../context.js';
import { listProblems } from './problem-list.js';
import type { JsonBody, ProblemJson } from './problem-json.js';
import { solvedIdsOf } from './solved-memo.js';

/**
 * Hot catalog reads through the cache (keys under `problems:`; the service drops that prefix after every write,
 * and in scaled mode the drop reaches every process). What is cached never depends on who asks: the caller's
 * own `solved` flags come from the per-process memo of their solved ids (solved-memo.ts), which a solve clears on
 * every process before its verdict is pushed, so a student sees their accepted submission at once. solvedCount may
 * trail by up to the TTL.
 */
const LIST_TTL_MS = 15_000;
const DETAIL_TTL_MS = 60_000;

type ProblemList = Awaited<ReturnType<typeof listProblems>>;

async function solvedAmong(deps: CoreDeps, actor: Actor, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const solved = await solvedIdsOf(deps, actor.userId);
  return new Set(ids.filter((id) => solved.has(id)));
}

/** The query's fields in one fixed order: a key is made per request on the hot read. */
const LIST_KEY_FIELDS = Object.keys(problemListQuerySchema.shape).sort() as (keyof ProblemListQuery)[];

/**
 * The cache key of a list query: each field's JSON value (absent: empty) in a fixed order. Sorting the query's
 * entries with localeCompare and stringifying them was 2% of a cached read's CPU (profile of bench/http --part hot).
 */
function listKey(query: ProblemListQuery, audience: 'staff' | 'public'): string {
  let key = `problems:list:${audience}:`;
  for (const field of LIST_KEY_FIELDS) {
    const value = query[field];
    key += `${value === undefined ? '' : JSON.stringify(value)},`;
  }
  return key;
}

/** The stored text of a cached value, filled on a miss (null: nothing to cache, e.g. no such problem). */
async function cachedRaw(deps: CoreDeps, key: string, ttlMs: number, fill: () => Promise<unknown>): Promise<string | null> {
  const raw = await deps.cache.getRaw(key);
  if (raw !== undefined) return raw;
  const value = await fill();
  if (value === null) return null;
  await deps.cache.set(key, value, ttlMs);
  // Read back what the cache stored: later hits return this very string, which keys the built bytes.
  return (await deps.cache.getRaw(key)) ?? JSON.stringify(value);
}

/** The catalog page; lists the same for every student (or every staff member), read from the replica if any. */
export async function cachedProblemList(deps: CoreDeps, query: ProblemListQuery, actor: Actor | null): Promise<ProblemList> {
  // "Only what I solved" depends on the caller's own recent writes: straight to the primary, uncached.
  if (query.solved) return listProblems(deps.db, query, actor);
  const audience = isStaff(actor) ? 'staff' : 'public';
  const key = listKey(query, audience);
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

/** The catalog page as response bytes (see problem-json.ts); `null` when it cannot come from the cache. */
export async function cachedProblemListJson(deps: CoreDeps, json: ProblemJson, query: ProblemListQuery, actor: Actor | null): Promise<JsonBody | null> {
  if (query.solved) return null;
  const audience = isStaff(actor) ? 'staff' : 'public';
  const key = listKey(query, audience);
  const raw = await cachedRaw(deps, key, LIST_TTL_MS, () => listProblems({ ...deps.db, db: deps.db.readDb }, query, audience === 'staff' ? actor : null));
  if (raw === null) return null;
  if (!actor) return json.list(key, raw, null);
  // Only the ids on the page are needed for the caller's flags; the memo has them.
  const ids = json.listIds(key, raw);
  return json.list(key, raw, await solvedAmong(deps, actor, ids));
}

/** A problem's detail as response bytes, or null when there is no such problem (or the caller may not see it). */
export async function cachedProblemDetailJson(
  deps: CoreDeps,
  json: ProblemJson,
  id: number,
  actor: Actor | null,
  options: { proctored: boolean | Promise<boolean>; viaAssessment?: boolean },
  load: (id: number) => Promise<ProblemCatalogDetail | null>,
): Promise<JsonBody | null> {
  const key = `problems:detail:${id}`;
  const raw = await cachedRaw(deps, key, DETAIL_TTL_MS, () => load(id));
  if (raw === null) return null;
  if (!json.detailIsPublished(key, raw) && !isStaff(actor) && !options.viaAssessment) return null;
  const solved = actor ? (await solvedAmong(deps, actor, [id])).has(id) : null;
  return json.detail(key, raw, solved, await options.proctored);
}

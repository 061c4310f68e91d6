import { sql } from 'kysely';
import type { LanguageId, ProblemListQuery, ProblemSummary } from '@logicode/contracts';
import type { DbHandle } from '@logicode/db';
import { isStaff, type Actor } from '../context.js';
import { parseTags } from './problem-mapper.js';

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const DIFFICULTY_RANK = sql<number>`case difficulty when 'easy' then 1 when 'medium' then 2 else 3 end`;

/** The catalog query: search, filters, the caller's solved state, sort and page. */
export async function listProblems(handle: DbHandle, query: ProblemListQuery, actor: Actor | null) {
  const { db } = handle;
  // Archived problems are out of the catalog for everyone (admins list them apart: GET /api/admin/problems/archived).
  let base = db.selectFrom('problems').where('archivedAtMs', 'is', null);
  if (!isStaff(actor)) base = base.where('isPublished', '=', 1);
  if (query.q) {
    const like = `%${escapeLike(query.q.toLowerCase())}%`;
    base = base.where((eb) =>
      eb.or([eb(eb.fn('lower', ['title']), 'like', like), eb(eb.fn('lower', ['statement']), 'like', like)]),
    );
  }
  if (query.category) base = base.where('category', '=', query.category);
  if (query.difficulty) base = base.where('difficulty', '=', query.difficulty);
  const tags = (query.tags ?? '').split(',').map((t) => t.trim()).filter(Boolean);
  for (const tag of tags) base = base.where('tags', 'like', `%${escapeLike(JSON.stringify(tag))}%`);
  if (query.solved && actor) {
    const mine = db.selectFrom('solved').select('problemId').where('userId', '=', actor.userId);
    base = base.where('id', query.solved === 'true' ? 'in' : 'not in', mine);
  } else if (query.solved === 'true') {
    base = base.where(sql<boolean>`1 = 0`);
  }

  const direction = query.order;
  let page = base
    .select(['id', 'slug', 'title', 'category', 'difficulty', 'tags', 'style', 'timedDurationSec', 'solvedCount'])
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  if (query.sort === 'title') page = page.orderBy('title', direction);
  else if (query.sort === 'difficulty') page = page.orderBy(DIFFICULTY_RANK, direction);
  else if (query.sort === 'newest') page = page.orderBy('createdAtMs', direction === 'asc' ? 'desc' : 'asc');
  else if (query.sort === 'popular') page = page.orderBy('solvedCount', direction === 'asc' ? 'desc' : 'asc');
  page = page.orderBy('id', query.sort === 'id' ? direction : 'asc');

  const [rows, count] = await Promise.all([
    page.execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const ids = rows.map((r) => r.id);
  const [languageRows, solvedRows] = await Promise.all([
    ids.length ? db.selectFrom('problemLanguages').select(['problemId', 'language']).where('problemId', 'in', ids).execute() : [],
    ids.length && actor
      ? db.selectFrom('solved').select('problemId').where('userId', '=', actor.userId).where('problemId', 'in', ids).execute()
      : [],
  ]);
  const solvedIds = new Set(solvedRows.map((r) => r.problemId));
  const items: ProblemSummary[] = rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    title: row.title,
    category: row.category as ProblemSummary['category'],
    difficulty: row.difficulty,
    tags: parseTags(row.tags),
    style: row.style,
    languages: languageRows.filter((l) => l.problemId === row.id).map((l) => l.language as LanguageId),
    timedDurationSec: row.timedDurationSec,
    solvedCount: row.solvedCount,
    solved: actor ? solvedIds.has(row.id) : null,
  }));
  return { items, page: query.page, pageSize: query.pageSize, total: Number(count.n) };
}

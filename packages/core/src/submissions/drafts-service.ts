import { AppError, type Draft, type LanguageId, type PutDraftBody } from '@logicode/contracts';
import type { Actor, CoreDeps } from '../context.js';

/**
 * Saves per user per minute. The editor syncs a draft at most every ~2 s while the student types (and on page
 * hide), so 60 a minute leaves room for two tabs; a script hammering the endpoint is refused with 429.
 */
export const DRAFT_SAVES_PER_MINUTE = 60;

interface DraftKey {
  problemId: number;
  language: LanguageId;
}

/**
 * Server-side drafts (issue 19): one per user, problem and language, always the caller's own (no user id is ever
 * taken from a request). A save names the version it started from; another stored version means another device
 * saved in between, and the save is refused with 409 CONFLICT carrying the stored draft, so the client decides
 * with both in hand (docs/web.md "Drafts") instead of one silently overwriting the other.
 */
export function createDraftsService(deps: CoreDeps) {
  const { db } = deps.db;

  function toDraft(row: { problemId: number; language: string; code: string; version: number; updatedAtMs: number }): Draft {
    return { problemId: row.problemId, language: row.language as LanguageId, code: row.code, version: Number(row.version), updatedAt: new Date(Number(row.updatedAtMs)).toISOString() };
  }

  async function read(userId: number, key: DraftKey) {
    return db.selectFrom('drafts').selectAll().where('userId', '=', userId).where('problemId', '=', key.problemId)
      .where('language', '=', key.language).executeTakeFirst();
  }

  /** The problem must be one the caller may open, in a language it offers: drafts are not free storage. */
  async function checkProblem(actor: Actor, key: DraftKey): Promise<void> {
    // Any existing problem: an assessment may use an unpublished one, and its students keep drafts of it too.
    // The code stored is the caller's own and readable by no one else, so nothing about the problem leaks.
    const problem = await db.selectFrom('problems').select('id').where('id', '=', key.problemId).executeTakeFirst();
    if (!problem) throw new AppError('NOT_FOUND', 'No such problem.');
    const language = await db.selectFrom('problemLanguages').select('language').where('problemId', '=', key.problemId)
      .where('language', '=', key.language).executeTakeFirst();
    if (!language) throw new AppError('LANGUAGE_UNAVAILABLE', `This problem cannot be solved in ${key.language}.`);
  }

  return {
    async get(actor: Actor, key: DraftKey): Promise<Draft | null> {
      const row = await read(actor.userId, key);
      return row ? toDraft(row) : null;
    },

    async put(actor: Actor, key: DraftKey, body: PutDraftBody): Promise<Draft> {
      const hit = await deps.rateLimiter.hit(`draft:user:${actor.userId}`, DRAFT_SAVES_PER_MINUTE, 60_000);
      if (!hit.allowed) {
        throw new AppError('RATE_LIMITED', `At most ${DRAFT_SAVES_PER_MINUTE} draft saves a minute; try again shortly.`, {
          retryAfterSec: Math.max(1, Math.ceil((hit.resetAtMs - deps.clock.now()) / 1000)),
        });
      }
      await checkProblem(actor, key);
      const now = deps.clock.now();
      const conflict = async (): Promise<never> => {
        const current = await read(actor.userId, key);
        throw new AppError('CONFLICT', 'This draft was saved from another device in the meantime.', { draft: current ? toDraft(current) : null });
      };
      if (body.baseVersion === 0) {
        // First save: the primary key makes a second device's first save fail instead of overwriting this one.
        try {
          await db.insertInto('drafts').values({ userId: actor.userId, problemId: key.problemId, language: key.language, code: body.code, version: 1, updatedAtMs: now }).execute();
        } catch (error) {
          if (await read(actor.userId, key)) return conflict();
          throw error;
        }
      } else {
        // Compare-and-set on the version: of two devices saving from the same version, exactly one wins.
        const updated = await db.updateTable('drafts').set({ code: body.code, version: body.baseVersion + 1, updatedAtMs: now })
          .where('userId', '=', actor.userId).where('problemId', '=', key.problemId).where('language', '=', key.language)
          .where('version', '=', body.baseVersion).executeTakeFirst();
        if (Number(updated.numUpdatedRows) === 0) return conflict();
      }
      return toDraft((await read(actor.userId, key))!);
    },
  };
}
export type DraftsService = ReturnType<typeof createDraftsService>;

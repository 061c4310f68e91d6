import type { CoreDeps } from '../context.js';

/**
 * The channel on which "this user solved a problem" goes to every process (Redis pub/sub when scaled), published
 * by the submission's finish before its verdict is pushed: the student's next list shows the solve.
 */
export const SOLVED_CHANNEL = 'solved:changed';

/** Tells every process (this one included) that the user's solved problems changed. */
export async function publishSolvedChange(deps: Pick<CoreDeps, 'pubsub'>, userId: number): Promise<void> {
  await deps.pubsub.publish(SOLVED_CHANNEL, { userId });
}

/** How long a process trusts a user's solved ids it read; the channel carries a new solve at once. */
const SOLVED_MEMORY_MS = 30_000;
const MAX_USERS = 20_000;

/**
 * A user's solved problem ids, remembered per process (issue 18: the signed-in catalog page is the shared cached
 * page with the caller's flags laid over it; reading those flags per request was most of its cost). A solve
 * publishes SOLVED_CHANNEL before its verdict goes out; a lost message (a Redis reconnect) is healed by the
 * memory's lifetime.
 */
function createSolvedMemo(deps: CoreDeps) {
  const known = new Map<number, { ids: Set<number>; readAtMs: number }>();
  let epoch = 0; // bumped on every change: a read that started before one does not store what it read
  let subscribed: Promise<unknown> | null = null;

  function subscribe(): Promise<unknown> {
    subscribed ??= deps.pubsub
      .subscribe(SOLVED_CHANNEL, (message) => {
        const { userId } = message as { userId?: unknown };
        if (typeof userId !== 'number') return;
        epoch += 1;
        known.delete(userId);
      })
      .catch(() => {
        subscribed = null; // nothing is remembered until a subscription holds
      });
    return subscribed;
  }

  return async function solvedIds(userId: number): Promise<Set<number>> {
    await subscribe();
    const now = deps.clock.now();
    const entry = known.get(userId);
    if (entry && now - entry.readAtMs < SOLVED_MEMORY_MS) return entry.ids;
    const startedAt = epoch;
    const rows = await deps.db.db.selectFrom('solved').select('problemId').where('userId', '=', userId).execute();
    const ids = new Set(rows.map((r) => r.problemId));
    if (startedAt === epoch && subscribed !== null) {
      if (known.size >= MAX_USERS) known.clear();
      known.set(userId, { ids, readAtMs: now });
    }
    return ids;
  };
}

const memos = new WeakMap<CoreDeps, ReturnType<typeof createSolvedMemo>>();

/** The user's solved problem ids, through this process's memo (one per set of services). */
export function solvedIdsOf(deps: CoreDeps, userId: number): Promise<Set<number>> {
  let memo = memos.get(deps);
  if (!memo) memos.set(deps, (memo = createSolvedMemo(deps)));
  return memo(userId);
}

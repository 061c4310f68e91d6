import type { SessionEndReason } from '@logicode/contracts';
import type { CoreDeps } from '../context.js';

/**
 * The pub/sub channel on which a session change goes to every process: each api process updates its memory of
 * the user's epoch (so the old access tokens are refused there too) and its Socket.IO gateway ends the sockets
 * the change concerns. Redis pub/sub in scaled mode, an EventEmitter in embedded mode.
 */
export const SESSION_CHANNEL = 'session:changed';

export interface SessionChangeMessage {
  userId: number;
  /** The user's new session epoch: access tokens of an older one are refused. */
  epoch: number;
  reason: SessionEndReason;
  /** Only this session's sockets end (signing out on one device). */
  sessionId?: string;
  /** Every socket but this session's ends (a password change: the session that changed it goes on). */
  exceptSessionId?: string;
}

/**
 * How long a process trusts its memory of a user's epoch without asking the database. Pub/sub carries every change
 * at once; this only bounds how long a lost message (a Redis reconnect) could let an old token through, at the
 * price of one indexed read per active user per minute per process instead of one per request.
 */
export const EPOCH_MEMORY_MS = 60_000;
const EPOCH_MEMORY_MAX = 100_000;
/** A deleted user: every token of theirs is older than this. */
const NO_USER_EPOCH = Number.MAX_SAFE_INTEGER;

export type SessionEpochs = ReturnType<typeof createSessionEpochs>;

/** The per-process memory of users' session epochs, kept true by SESSION_CHANNEL, and the one way to bump one. */
export function createSessionEpochs(deps: Pick<CoreDeps, 'db' | 'pubsub' | 'clock'>) {
  const { db } = deps.db;
  const known = new Map<number, { epoch: number; checkedAtMs: number }>();
  const loading = new Map<number, Promise<number>>();
  let subscribed: Promise<unknown> | null = null;

  /** Epochs only grow, so the larger of two answers is the truer one (a read racing a message cannot go back). */
  function remember(userId: number, epoch: number, checkedAtMs: number): number {
    const previous = known.get(userId);
    const kept = Math.max(previous?.epoch ?? 0, epoch);
    known.delete(userId);
    if (known.size >= EPOCH_MEMORY_MAX) known.delete(known.keys().next().value!);
    known.set(userId, { epoch: kept, checkedAtMs });
    return kept;
  }

  function subscribe(): Promise<unknown> {
    subscribed ??= deps.pubsub
      .subscribe(SESSION_CHANNEL, (message) => {
        const { userId, epoch } = message as Partial<SessionChangeMessage>;
        if (typeof userId === 'number' && typeof epoch === 'number') remember(userId, epoch, deps.clock.now());
      })
      .catch((error: unknown) => {
        subscribed = null;
        throw error;
      });
    return subscribed;
  }

  async function load(userId: number): Promise<number> {
    const row = await db.selectFrom('users').select('sessionEpoch').where('id', '=', userId).executeTakeFirst();
    return remember(userId, row ? Number(row.sessionEpoch) : NO_USER_EPOCH, deps.clock.now());
  }

  return {
    /** The user's current epoch: from memory while it is fresh (the common case), else one coalesced read. */
    async current(userId: number): Promise<number> {
      if (!subscribed) await subscribe();
      const entry = known.get(userId);
      if (entry && deps.clock.now() - entry.checkedAtMs < EPOCH_MEMORY_MS) return entry.epoch;
      let pending = loading.get(userId);
      if (!pending) {
        pending = load(userId).finally(() => loading.delete(userId));
        loading.set(userId, pending);
      }
      return pending;
    },

    /**
     * Ends the user's access tokens issued so far (and the sockets the change names): bumps the epoch in the
     * database, remembers it here at once, and tells every other process. Returns the new epoch, to issue this
     * session's fresh tokens under.
     */
    async bump(change: Omit<SessionChangeMessage, 'epoch'>): Promise<number> {
      await db.updateTable('users').set((eb) => ({ sessionEpoch: eb('sessionEpoch', '+', 1) })).where('id', '=', change.userId).execute();
      const epoch = await load(change.userId);
      const message: SessionChangeMessage = { ...change, epoch };
      await deps.pubsub.publish(SESSION_CHANNEL, message);
      return epoch;
    },
  };
}

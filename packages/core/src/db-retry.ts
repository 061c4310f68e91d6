// InnoDB may pick any statement, even a lone autocommit INSERT (its foreign-key and gap locks), as a deadlock
// victim and roll it back; MySQL's advice is to re-issue it. SQLite answers BUSY past its busy time-out.

const TRANSIENT = /ER_LOCK_DEADLOCK|ER_LOCK_WAIT_TIMEOUT|SQLITE_BUSY|Deadlock found/;

/** A failure that rolled the statement or transaction back and may succeed when re-issued. */
export function isTransientDbError(error: unknown): boolean {
  return TRANSIENT.test(String((error as { code?: string } | null)?.code ?? error));
}

/** Runs `work` again (up to `attempts` times in all, with a short growing pause) while it fails transiently. */
export async function retryTransient<T>(work: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isTransientDbError(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
    }
  }
}

import {
  DEFAULT_PROCTOR_SETTINGS, type ProblemSettingsView, type ProctorSettings, AppError,
} from '@logicode/contracts';
import { effectiveSettings } from '@logicode/proctoring';
import type { Actor, CoreDeps } from '../context.js';

/** Row problem_id 0 holds the global settings (packages/db tables/proctoring.ts). */
const GLOBAL_ID = 0;
/** Rules are read on every ingested batch; a short cache keeps that off the database. */
const CACHE_TTL_MS = 5_000;

interface SettingsRow {
  enabled: number;
  allowedTabSwitches: number;
  largePasteChars: number;
  fullscreenRequired: number;
  idleLimitSec: number;
  breachAction: 'flag' | 'warn' | 'end';
}

function fromRow(row: SettingsRow): ProctorSettings {
  return {
    enabled: row.enabled === 1,
    allowedTabSwitches: row.allowedTabSwitches,
    largePasteChars: row.largePasteChars,
    fullscreenRequired: row.fullscreenRequired === 1,
    // 0 in the table means "no idle limit".
    idleLimitSec: row.idleLimitSec > 0 ? row.idleLimitSec : null,
    actionOnBreach: row.breachAction === 'end' ? 'end_attempt' : row.breachAction,
  };
}

function toRow(s: ProctorSettings): SettingsRow {
  return {
    enabled: s.enabled ? 1 : 0,
    allowedTabSwitches: s.allowedTabSwitches,
    largePasteChars: s.largePasteChars,
    fullscreenRequired: s.fullscreenRequired ? 1 : 0,
    idleLimitSec: s.idleLimitSec ?? 0,
    breachAction: s.actionOnBreach === 'end_attempt' ? 'end' : s.actionOnBreach,
  };
}

export type SettingsStore = ReturnType<typeof createSettingsStore>;

export function createSettingsStore(deps: CoreDeps) {
  const { db } = deps.db;
  const cache = new Map<number, { settings: ProctorSettings | null; untilMs: number }>();

  async function readRow(problemId: number): Promise<ProctorSettings | null> {
    const hit = cache.get(problemId);
    if (hit && hit.untilMs > deps.clock.now()) return hit.settings;
    const row = await db.selectFrom('proctorSettings').selectAll().where('problemId', '=', problemId).executeTakeFirst();
    const settings = row ? fromRow(row) : null;
    cache.set(problemId, { settings, untilMs: deps.clock.now() + CACHE_TTL_MS });
    return settings;
  }

  async function write(actor: Actor, problemId: number, settings: ProctorSettings | null): Promise<void> {
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('proctorSettings').where('problemId', '=', problemId).execute();
      if (settings) {
        await trx.insertInto('proctorSettings')
          .values({ problemId, ...toRow(settings), updatedBy: actor.userId, updatedAtMs: deps.clock.now() })
          .execute();
      }
    });
    cache.clear();
  }

  return {
    async global(): Promise<ProctorSettings> {
      return (await readRow(GLOBAL_ID)) ?? { ...DEFAULT_PROCTOR_SETTINGS };
    },
    /** The rules in force for a problem. */
    async effective(problemId: number): Promise<ProctorSettings> {
      const [global, override] = await Promise.all([this.global(), readRow(problemId)]);
      return effectiveSettings(global, override);
    },
    async view(problemId: number): Promise<ProblemSettingsView> {
      const exists = await db.selectFrom('problems').select('id').where('id', '=', problemId).executeTakeFirst();
      if (!exists) throw new AppError('NOT_FOUND', 'No such problem.');
      const [global, override] = await Promise.all([this.global(), readRow(problemId)]);
      return { global, override, effective: effectiveSettings(global, override) };
    },
    async setGlobal(actor: Actor, settings: ProctorSettings): Promise<ProctorSettings> {
      await write(actor, GLOBAL_ID, settings);
      return this.global();
    },
    async setOverride(actor: Actor, problemId: number, override: ProctorSettings | null): Promise<ProblemSettingsView> {
      await this.view(problemId);
      await write(actor, problemId, override);
      return this.view(problemId);
    },
  };
}

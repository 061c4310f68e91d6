import {
  DEFAULT_PROCTOR_SETTINGS, proctorSettingsSchema, type ProblemSettingsView, type ProctorSettings, AppError,
} from '@logicode/contracts';
import type { ProblemSessionRow } from '@logicode/db';
import { effectiveSettings, practiceRules } from '@logicode/proctoring';
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

/** What decides an attempt's rules; none of it changes after the attempt opens. */
export type AttemptContext = Pick<ProblemSessionRow, 'problemId' | 'assessmentId' | 'deadlineAtMs'>;

/** Bounds the per-problem and per-attempt caches (a school has hundreds of problems, thousands of attempts a day). */
const CACHE_MAX = 5_000;

function remember<K, V>(cache: Map<K, V>, key: K, value: V): V {
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(key, value);
  return value;
}

export function createSettingsStore(deps: CoreDeps) {
  const { db } = deps.db;
  const cache = new Map<number, { settings: ProctorSettings | null; untilMs: number }>();
  const timedCache = new Map<number, { timed: boolean; untilMs: number }>();
  const assessmentCache = new Map<number, { rules: ProctorSettings | null; untilMs: number }>();
  const contextCache = new Map<number, AttemptContext>();

  async function readRow(problemId: number): Promise<ProctorSettings | null> {
    const hit = cache.get(problemId);
    if (hit && hit.untilMs > deps.clock.now()) return hit.settings;
    const row = await db.selectFrom('proctorSettings').selectAll().where('problemId', '=', problemId).executeTakeFirst();
    const settings = row ? fromRow(row) : null;
    remember(cache, problemId, { settings, untilMs: deps.clock.now() + CACHE_TTL_MS });
    return settings;
  }

  /** A timed problem (timedDurationSec) is an exam wherever it is opened; an admin may change it, hence the TTL. */
  async function isTimed(problemId: number): Promise<boolean> {
    const hit = timedCache.get(problemId);
    if (hit && hit.untilMs > deps.clock.now()) return hit.timed;
    const row = await db.selectFrom('problems').select('timedDurationSec').where('id', '=', problemId).executeTakeFirst();
    const timed = row !== undefined && row.timedDurationSec !== null;
    return remember(timedCache, problemId, { timed, untilMs: deps.clock.now() + CACHE_TTL_MS }).timed;
  }

  /** An assessment's own rules (null: the exam rules of its problems). */
  async function assessmentRules(assessmentId: number): Promise<ProctorSettings | null> {
    const hit = assessmentCache.get(assessmentId);
    if (hit && hit.untilMs > deps.clock.now()) return hit.rules;
    const row = await db.selectFrom('assessments').select('proctoring').where('id', '=', assessmentId).executeTakeFirst();
    const parsed = row?.proctoring ? proctorSettingsSchema.safeParse(JSON.parse(row.proctoring)) : null;
    const rules = parsed?.success ? parsed.data : null;
    return remember(assessmentCache, assessmentId, { rules, untilMs: deps.clock.now() + CACHE_TTL_MS }).rules;
  }

  /** Exam rules: the problem's own rules, or else the global ones. */
  async function exam(problemId: number): Promise<ProctorSettings> {
    const [global, override] = await Promise.all([readGlobal(), readRow(problemId)]);
    return effectiveSettings(global, override);
  }

  async function readGlobal(): Promise<ProctorSettings> {
    return (await readRow(GLOBAL_ID)) ?? { ...DEFAULT_PROCTOR_SETTINGS };
  }

  /**
   * An untimed problem on its own: recorded only when it has rules of its own (a teacher's or admin's explicit
   * choice, `enabled` in them); otherwise the global rules with recording off.
   */
  async function practice(problemId: number): Promise<ProctorSettings> {
    const [global, override] = await Promise.all([readGlobal(), readRow(problemId)]);
    return override ? effectiveSettings(global, override) : { ...global, enabled: false };
  }

  /** Outside an assessment: timed = exam rules, untimed = practice. */
  async function forProblem(problemId: number): Promise<ProctorSettings> {
    return (await isTimed(problemId)) ? exam(problemId) : practice(problemId);
  }

  /**
   * The rules an attempt is judged by, from what it is: in an assessment, the assessment's own rules or else the
   * exam rules; a timed attempt (it has a deadline), the exam rules; otherwise practice, observed only
   * (packages/proctoring practice.ts: no flag, severity at most low, integrity 100).
   */
  async function forAttempt(a: AttemptContext): Promise<ProctorSettings> {
    if (a.assessmentId !== null) return (await assessmentRules(a.assessmentId)) ?? exam(a.problemId);
    if (a.deadlineAtMs !== null) return exam(a.problemId);
    return practiceRules(await practice(a.problemId));
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
    assessmentCache.clear();
  }

  return {
    /** The global rules: those of exams (timed problems, assessments without their own). */
    global: readGlobal,
    /** A problem's exam rules (in an assessment without rules of its own, or timed): its own, or else the global. */
    effective: exam,
    /** What a student opening the problem on its own is under: the `proctored` flag and an attempt's settings. */
    forProblem,
    forAttempt,
    /** forAttempt for a batch's attempts, read before the writer's transaction; attempt ids missing are left out. */
    async forAttempts(attemptIds: readonly number[]): Promise<Map<number, ProctorSettings>> {
      const missing = attemptIds.filter((id) => !contextCache.has(id));
      if (missing.length > 0) {
        const rows = await db.selectFrom('problemSessions').select(['id', 'problemId', 'assessmentId', 'deadlineAtMs'])
          .where('id', 'in', missing).execute();
        for (const row of rows) remember(contextCache, row.id, row);
      }
      const out = new Map<number, ProctorSettings>();
      await Promise.all(attemptIds.map(async (id) => {
        const context = contextCache.get(id);
        if (context) out.set(id, await forAttempt(context));
      }));
      return out;
    },
    async view(problemId: number): Promise<ProblemSettingsView> {
      const exists = await db.selectFrom('problems').select('id').where('id', '=', problemId).executeTakeFirst();
      if (!exists) throw new AppError('NOT_FOUND', 'No such problem.');
      const [global, override, timed] = await Promise.all([readGlobal(), readRow(problemId), isTimed(problemId)]);
      return { global, override, effective: await forProblem(problemId), practice: !timed };
    },
    async setGlobal(actor: Actor, settings: ProctorSettings): Promise<ProctorSettings> {
      await write(actor, GLOBAL_ID, settings);
      return readGlobal();
    },
    async setOverride(actor: Actor, problemId: number, override: ProctorSettings | null): Promise<ProblemSettingsView> {
      await this.view(problemId);
      await write(actor, problemId, override);
      return this.view(problemId);
    },
  };
}

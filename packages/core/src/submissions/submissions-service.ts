import {
  AppError, VERDICT_LABELS, type CreateSubmissionBody, type JudgeJob, type JudgeResult, type LanguageId, type Submission, type TestResult,
  type Verdict,
} from '@logicode/contracts';
import { rooms } from '@logicode/contracts';
import type { Kysely } from 'kysely';
import type { Database, SubmissionRow } from '@logicode/db';
import { DEFAULT_USAGE_LIMITS, isStaff, type Actor, type CoreDeps } from '../context.js';
import { retryTransient } from '../db-retry.js';
import { parseChecker, parseScoring } from '../problems/problem-mapper.js';
import { createAttemptGuard } from '../proctoring/attempt-guard.js';
import { emitToRoom } from '../realtime.js';
import { teacherScopeOf } from '../access/teacher-scope.js';
import { insertIgnore, insertedRows } from './insert-ignore.js';
import { createSubmissionFeed } from './submission-feed.js';
import { JUDGE_QUEUE, type JudgeQueueMessage } from './queues.js';
import { CUSTOM_TEST_ID, toSubmission, toSummary, toTestView, type TestMeta } from './submission-mapper.js';

/** A submission picked up by a worker more often than this ends as IE instead of looping forever. */
export const MAX_JUDGE_TRIES = 3;
/** Stored output per test; the judge already caps what it captures. */
const STORED_OUTPUT_CHARS = 64 * 1024;

export interface ClaimedSubmission {
  submissionId: number;
  userId: number;
  problemId: number;
  job: JudgeJob;
  metas: TestMeta[];
  /** Test indexes already stored and pushed (as they finished), so finish() does not repeat them. */
  recorded: Set<number>;
  /**
   * A Run with custom input: the problem's reference solution on that input alone (no sample, no hidden test), to
   * be judged first; its output becomes the custom test's expected output (setCustomExpected). null: nothing to run.
   */
  referenceJob: JudgeJob | null;
}

/** What the judge keeps of a test's stdout (docs/judge.md "TestResult.output"). */
const REFERENCE_OUTPUT_KEPT_BYTES = 64 * 1024;

/**
 * Which reference solution answers a custom input, whatever the student writes in (all of them pass every test):
 * compiled C and C++ run fastest on a large input, and their build is cached across jobs; the JVM starts slowest.
 */
const REFERENCE_PREFERENCE: readonly string[] = ['c', 'cpp', 'python', 'javascript', 'java'];

/** The custom test as stored: its input, the reference's output, and the reference's verdict (null: none ran). */
interface CustomRun {
  input: string;
  expectedOutput: string | null;
  referenceVerdict: string | null;
}

function customMeta(custom: CustomRun): TestMeta {
  const failed = custom.referenceVerdict !== null && custom.referenceVerdict !== 'AC';
  const label = VERDICT_LABELS[custom.referenceVerdict as Verdict] ?? custom.referenceVerdict;
  return {
    testId: CUSTOM_TEST_ID, isSample: false, isCustom: true, input: custom.input, expectedOutput: custom.expectedOutput,
    note: failed ? `The reference solution did not finish cleanly on this input (${label}), so your output was not compared.` : null,
  };
}

export type SubmissionsService = ReturnType<typeof createSubmissionsService>;

function cap(text: string): string {
  return text.length > STORED_OUTPUT_CHARS ? `${text.slice(0, STORED_OUTPUT_CHARS)}\n… (truncated)` : text;
}

/** What else must happen when a submission is accepted (the leaderboard moves the student). */
export interface SubmissionHooks {
  onSolved?: (userId: number) => Promise<void>;
}

export function createSubmissionsService(deps: CoreDeps, hooks: SubmissionHooks = {}) {
  const { db } = deps.db;
  const { clock, pubsub } = deps;
  const queue = () => deps.queue<JudgeQueueMessage>(JUDGE_QUEUE);
  const guard = createAttemptGuard(deps);
  const feed = createSubmissionFeed(deps);
  const scope = teacherScopeOf(deps);

  /** A submitter sees their own; staff see those of students in their scope (access/teacher-scope.ts). */
  async function maySee(actor: Actor, userId: number): Promise<boolean> {
    return userId === actor.userId || (isStaff(actor) && scope.hasStudent(actor, userId));
  }

  async function loadMetas(trx: Kysely<Database>, problemId: number, custom: CustomRun | null): Promise<Map<string, TestMeta>> {
    const tests = await trx.selectFrom('testCases').select(['id', 'input', 'expectedOutput', 'isSample']).where('problemId', '=', problemId).execute();
    const metas = new Map<string, TestMeta>(
      tests.map((t) => [String(t.id), { testId: String(t.id), isSample: Boolean(t.isSample), isCustom: false, input: t.input, expectedOutput: t.expectedOutput }]),
    );
    if (custom !== null) metas.set(CUSTOM_TEST_ID, customMeta(custom));
    return metas;
  }

  function customOf(row: SubmissionRow): CustomRun | null {
    return row.customInput === null ? null : { input: row.customInput, expectedOutput: row.customExpectedOutput, referenceVerdict: row.customReferenceVerdict };
  }

  /**
   * The reference solution's job for a custom input: only that input (the reference's output on a hidden test is
   * never computed here), with the problem's driver for the reference's language and the problem's limits.
   */
  async function referenceJobFor(row: SubmissionRow, limits: JudgeJob['limits'], checker: JudgeJob['checker']): Promise<JudgeJob | null> {
    if (row.customInput === null) return null;
    // Not in an assessment: there the reference's answer to any input the student types would be an answer oracle
    // (a problem with one fixed input is solved by asking). The output is shown unchecked ("Ran"), as without one.
    if (row.attemptId !== null) {
      const attempt = await db.selectFrom('problemSessions').select('assessmentId').where('id', '=', row.attemptId).executeTakeFirst();
      if (attempt?.assessmentId != null) return null;
    }
    const candidates = await db.selectFrom('referenceSolutions')
      .innerJoin('problemLanguages', (join) => join.onRef('problemLanguages.problemId', '=', 'referenceSolutions.problemId').onRef('problemLanguages.language', '=', 'referenceSolutions.language'))
      .select(['referenceSolutions.language', 'referenceSolutions.source', 'problemLanguages.driverCode'])
      .where('referenceSolutions.problemId', '=', row.problemId).execute();
    const rank = (language: string) => { const i = REFERENCE_PREFERENCE.indexOf(language); return i < 0 ? REFERENCE_PREFERENCE.length : i; };
    const reference = candidates.sort((a, b) => rank(a.language) - rank(b.language))[0];
    if (!reference) return null;
    return {
      language: reference.language as LanguageId,
      source: reference.source,
      driverSource: reference.driverCode,
      tests: [{ id: CUSTOM_TEST_ID, input: row.customInput, expectedOutput: null, weight: 0 }],
      limits,
      checker,
      stopOnFirstFailure: false,
    };
  }

  /** A stored submission as its submitter sees it (hidden tests redacted). */
  async function view(row: SubmissionRow, staff = false): Promise<Submission> {
    const [tests, metas] = await Promise.all([
      db.selectFrom('submissionTests').selectAll().where('submissionId', '=', row.id).orderBy('idx').execute(),
      loadMetas(db, row.problemId, customOf(row)),
    ]);
    return toSubmission(row, tests, metas, true, staff);
  }

  /** Pushes the final submission to its submitter. */
  async function publishDone(submissionId: number): Promise<void> {
    const row = await db.selectFrom('submissions').selectAll().where('id', '=', submissionId).executeTakeFirstOrThrow();
    await emitToRoom(pubsub, rooms.user(row.userId), 'submission:done', { submission: await view(row) });
  }

  async function publishStatus(userId: number, submissionId: number, status: 'queued' | 'running' | 'done'): Promise<void> {
    await emitToRoom(pubsub, rooms.user(userId), 'submission:status', { submissionId, status });
  }

  /**
   * Per-user volume (issue 15): a Run's custom input is capped in bytes (413), and Runs + Submits per minute
   * (429 with Retry-After). The deadline's auto-submit is the server's own and is not counted.
   */
  async function limitRate(actor: Actor, customInput: string | null): Promise<void> {
    const limits = deps.config.usageLimits ?? DEFAULT_USAGE_LIMITS;
    if (customInput !== null && Buffer.byteLength(customInput, 'utf8') > limits.customInputMaxBytes) {
      throw new AppError('PAYLOAD_TOO_LARGE', `The custom input may have at most ${limits.customInputMaxBytes} bytes.`, { maxBytes: limits.customInputMaxBytes });
    }
    const hit = await deps.rateLimiter.hit(`submit:user:${actor.userId}`, limits.submissionsPerMinute, 60_000);
    if (!hit.allowed) {
      throw new AppError('RATE_LIMITED', `At most ${limits.submissionsPerMinute} Runs and Submits a minute; try again shortly.`, {
        retryAfterSec: Math.max(1, Math.ceil((hit.resetAtMs - clock.now()) / 1000)),
      });
    }
  }

  const service = {
    /** Stores the submission as queued and enqueues it; the caller answers 202 with the id. */
    async create(actor: Actor, body: CreateSubmissionBody, options: { autoSubmitted?: boolean; viaAssessment?: boolean } = {}): Promise<{ id: number }> {
      const problem = await db.selectFrom('problems').select(['id', 'isPublished']).where('id', '=', body.problemId).executeTakeFirst();
      // An assessment may use an unpublished problem (the caller checked the attempt); so may its auto-submit.
      const open = Boolean(problem?.isPublished) || isStaff(actor) || options.viaAssessment === true || options.autoSubmitted === true;
      if (!problem || !open) throw new AppError('NOT_FOUND', 'No such problem.');
      // The one rule (proctoring/attempt-guard.ts): the attempt is the caller's, at this problem, still running.
      const attemptId = await guard.checkSubmission(actor, body, options);
      const language = await db.selectFrom('problemLanguages').select('language').where('problemId', '=', body.problemId).where('language', '=', body.language).executeTakeFirst();
      if (!language) throw new AppError('LANGUAGE_UNAVAILABLE', `This problem cannot be solved in ${body.language}.`);
      if (!options.autoSubmitted) {
        const waiting = await db.selectFrom('submissions').select((eb) => eb.fn.countAll<number>().as('n'))
          .where('userId', '=', actor.userId).where('status', 'in', ['queued', 'running']).executeTakeFirstOrThrow();
        if (Number(waiting.n) >= deps.config.maxQueuedPerUser) throw new AppError('QUEUE_FULL');
      }
      const customInput = body.mode === 'run' && body.customInput != null ? body.customInput : null;
      if (!options.autoSubmitted) await limitRate(actor, customInput);
      // A lone INSERT can still be a deadlock victim under load (seen on MariaDB at 500 students): re-issue it.
      const result = await retryTransient(() => db.insertInto('submissions').values({
        userId: actor.userId, problemId: body.problemId, language: body.language, mode: body.mode, status: 'queued',
        verdict: null, score: null, code: body.code, customInput, compileOutput: null, testCount: 0, maxCpuMs: null,
        maxMemoryKb: null, attemptId, autoSubmitted: options.autoSubmitted ? 1 : 0,
        createdAtMs: clock.now(), startedAtMs: null, finishedAtMs: null,
      }).executeTakeFirstOrThrow());
      const id = Number(result.insertId);
      await queue().add({ submissionId: id, enqueuedAtMs: clock.now() }, { jobId: `sub-${id}` });
      void feed.made(id);
      return { id };
    },

    /** The submitter, or staff with the submitter in scope; hidden tests are reduced to verdict, time and memory for everyone. */
    async get(actor: Actor, id: number): Promise<Submission> {
      const row = await db.selectFrom('submissions').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row || !(await maySee(actor, row.userId))) throw new AppError('NOT_FOUND', 'No such submission.');
      return view(row, isStaff(actor) && actor.userId !== row.userId);
    },

    async list(actor: Actor, query: { problemId?: number | undefined; mode?: 'run' | 'submit' | undefined; userId?: number | undefined; page: number; pageSize: number }) {
      const userId = isStaff(actor) && query.userId ? query.userId : actor.userId;
      // Another teacher's student answers as an unknown one would.
      if (!(await maySee(actor, userId))) throw new AppError('NOT_FOUND', 'No such student.');
      let base = db.selectFrom('submissions').where('userId', '=', userId);
      if (query.problemId) base = base.where('problemId', '=', query.problemId);
      if (query.mode) base = base.where('mode', '=', query.mode);
      const [rows, count] = await Promise.all([
        base.selectAll().orderBy('id', 'desc').limit(query.pageSize).offset((query.page - 1) * query.pageSize).execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { items: rows.map(toSummary), page: query.page, pageSize: query.pageSize, total: Number(count.n) };
    },

    /** Staff view: the submissions of the students in the actor's scope, newest first, with who and which problem. */
    async search(actor: Actor, query: { problemId?: number | undefined; userId?: number | undefined; verdict?: string | undefined; mode?: 'run' | 'submit' | undefined; page: number; pageSize: number }) {
      const visible = await scope.of(actor);
      if (!visible.all && (visible.userIds.length === 0 || (query.userId !== undefined && !visible.has(query.userId)))) {
        return { items: [], page: query.page, pageSize: query.pageSize, total: 0 };
      }
      let base = db.selectFrom('submissions').innerJoin('users', 'users.id', 'submissions.userId').innerJoin('problems', 'problems.id', 'submissions.problemId');
      // The scope as an id list: its query is indexed and cached (SCOPE_FRESH_MS); a class is hundreds, not millions.
      if (!visible.all && query.userId === undefined) base = base.where('submissions.userId', 'in', visible.userIds);
      if (query.problemId) base = base.where('submissions.problemId', '=', query.problemId);
      if (query.userId) base = base.where('submissions.userId', '=', query.userId);
      if (query.verdict) base = base.where('submissions.verdict', '=', query.verdict);
      if (query.mode) base = base.where('submissions.mode', '=', query.mode);
      const [rows, count] = await Promise.all([
        base.selectAll('submissions').select(['users.name as userName', 'problems.title as problemTitle'])
          .orderBy('submissions.id', 'desc').limit(query.pageSize).offset((query.page - 1) * query.pageSize).execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return {
        items: rows.map((row) => ({ ...toSummary(row), userName: row.userName, problemTitle: row.problemTitle })),
        page: query.page, pageSize: query.pageSize, total: Number(count.n),
      };
    },

    /**
     * A worker takes a submission: marks it running, counts the try, clears results of an earlier try that died,
     * and builds the judge job. null = nothing to do (already done, or gone).
     */
    async claim(submissionId: number): Promise<ClaimedSubmission | null> {
      const now = clock.now();
      const claimed = await db.updateTable('submissions')
        .set((eb) => ({ status: 'running', startedAtMs: now, tries: eb('tries', '+', 1) }))
        .where('id', '=', submissionId).where('status', 'in', ['queued', 'running']).executeTakeFirst();
      if (Number(claimed.numUpdatedRows) === 0) return null;
      const row = await db.selectFrom('submissions').selectAll().where('id', '=', submissionId).executeTakeFirstOrThrow();
      if (row.tries > MAX_JUDGE_TRIES) {
        await service.finishWithInternalError(submissionId, 'Judging failed repeatedly; please submit again.');
        return null;
      }
      await db.deleteFrom('submissionTests').where('submissionId', '=', submissionId).execute();
      const problem = await db.selectFrom('problems').selectAll().where('id', '=', row.problemId).executeTakeFirst();
      const language = await db.selectFrom('problemLanguages').selectAll().where('problemId', '=', row.problemId).where('language', '=', row.language).executeTakeFirst();
      if (!problem || !language) {
        await service.finishWithInternalError(submissionId, 'The problem or its language was removed.');
        return null;
      }
      let testQuery = db.selectFrom('testCases').selectAll().where('problemId', '=', row.problemId);
      if (row.mode === 'run') testQuery = testQuery.where('isSample', '=', 1);
      const tests = await testQuery.orderBy('ordinal').orderBy('id').execute();
      const metas: TestMeta[] = tests.map((t) => ({ testId: String(t.id), isSample: Boolean(t.isSample), isCustom: false, input: t.input, expectedOutput: t.expectedOutput }));
      // A retried job starts from no reference output: setCustomExpected fills it in again.
      if (row.customInput !== null) metas.push(customMeta({ input: row.customInput, expectedOutput: null, referenceVerdict: null }));
      const weights = new Map(tests.map((t) => [String(t.id), t.weight]));
      const groups = new Map(tests.map((t) => [String(t.id), t.groupName]));
      const scoring = parseScoring(problem.scoring);
      await db.updateTable('submissions').set({ testCount: metas.length }).where('id', '=', submissionId).execute();
      await publishStatus(row.userId, submissionId, 'running');
      const limits = { timeLimitMs: problem.timeLimitMs, memoryLimitKb: problem.memoryLimitKb, outputLimitBytes: 8 * 1024 * 1024 };
      const checker = parseChecker(problem.checker);
      return {
        submissionId,
        userId: row.userId,
        problemId: row.problemId,
        metas,
        recorded: new Set(),
        referenceJob: await referenceJobFor(row, limits, checker),
        job: {
          language: row.language as LanguageId,
          source: row.code,
          driverSource: language.driverCode,
          tests: metas.map((m) => ({
            id: m.testId, input: m.input, expectedOutput: m.expectedOutput, weight: m.isCustom ? 0 : (weights.get(m.testId) ?? 1),
            group: groups.get(m.testId) ?? null,
          })),
          limits,
          checker,
          stopOnFirstFailure: false,
          // A Run judges the samples only: points are for a Submit.
          ...(scoring && row.mode === 'submit' ? { scoring } : {}),
        },
      };
    },

    /**
     * The reference solution's result on the custom input (null: it could not be judged): a clean run's output
     * becomes the custom test's expected output in the job about to run and in the stored submission, so the
     * student's output on it gets a real verdict; otherwise the output is shown unchecked, with the reason.
     */
    async setCustomExpected(claim: ClaimedSubmission, reference: JudgeResult | null): Promise<void> {
      const index = claim.metas.findIndex((m) => m.isCustom);
      const meta = claim.metas[index];
      const jobTest = claim.job.tests[index];
      if (!meta || !jobTest) return;
      const ran = reference?.tests[0];
      // The judge keeps 64 KiB of output: a longer answer was cut, and comparing with it would be wrong.
      const cut = ran !== undefined && Buffer.byteLength(ran.output, 'utf8') >= REFERENCE_OUTPUT_KEPT_BYTES;
      const verdict = reference === null ? 'IE' : cut ? 'OLE' : (ran?.verdict ?? reference.verdict);
      const expectedOutput = verdict === 'AC' && ran ? ran.output : null;
      Object.assign(meta, customMeta({ input: meta.input, expectedOutput, referenceVerdict: verdict }));
      jobTest.expectedOutput = expectedOutput;
      await db.updateTable('submissions').set({ customExpectedOutput: expectedOutput, customReferenceVerdict: verdict })
        .where('id', '=', claim.submissionId).execute();
    },

    /** Stores one test's result and pushes it to the submitter as it finishes. */
    async recordTest(claim: ClaimedSubmission, index: number, result: TestResult): Promise<void> {
      const meta = claim.metas[index];
      if (!meta || claim.recorded.has(index)) return;
      claim.recorded.add(index);
      await insertIgnore(deps.db.dialect, db.insertInto('submissionTests').values({
        submissionId: claim.submissionId, idx: index, testId: meta.testId, verdict: result.verdict, cpuMs: result.cpuMs,
        wallMs: result.wallMs, memoryKb: result.memoryKb, exitCode: result.exitCode, signal: result.signal,
        message: result.message?.slice(0, 1000) ?? null, output: cap(result.output), stderr: cap(result.stderr),
        judgeMessage: result.judgeMessage ? result.judgeMessage.slice(0, 8192) : null, transcript: result.transcript ? cap(result.transcript) : null,
      })).execute();
      await emitToRoom(pubsub, rooms.user(claim.userId), 'submission:test', {
        submissionId: claim.submissionId, testCount: claim.metas.length, result: toTestView(index, meta, result),
      });
    },

    /**
     * Stores the final verdict once (only a running submission can finish), then marks the problem solved for
     * an accepted Submit: the unique (user, problem) key makes that, and the solved count, happen exactly once.
     */
    async finish(claim: ClaimedSubmission, result: JudgeResult): Promise<void> {
      for (const [index, test] of result.tests.entries()) await service.recordTest(claim, index, test);
      const now = clock.now();
      let newlySolved = false;
      const updated = await db.transaction().execute(async (trx) => {
        const done = await trx.updateTable('submissions').set({
          status: 'done', verdict: result.verdict, score: Math.round(result.score * 10_000) / 100,
          compileOutput: result.compileOutput, maxCpuMs: result.maxCpuMs, maxMemoryKb: Math.round(result.maxMemoryKb),
          finishedAtMs: now, groupPoints: result.groups ? JSON.stringify(result.groups) : null,
        }).where('id', '=', claim.submissionId).where('status', '=', 'running').executeTakeFirst();
        if (Number(done.numUpdatedRows) === 0) return false;
        const row = await trx.selectFrom('submissions').select(['mode', 'verdict']).where('id', '=', claim.submissionId).executeTakeFirstOrThrow();
        if (row.mode === 'submit' && row.verdict === 'AC') {
          const inserted = await insertIgnore(deps.db.dialect, trx.insertInto('solved').values({
            userId: claim.userId, problemId: claim.problemId, submissionId: claim.submissionId, solvedAtMs: now,
          })).executeTakeFirst();
          if (insertedRows(inserted) === 1) {
            newlySolved = true;
            await trx.updateTable('problems').set((eb) => ({ solvedCount: eb('solvedCount', '+', 1) })).where('id', '=', claim.problemId).execute();
          }
        }
        return true;
      });
      if (!updated) return;
      if (newlySolved) await hooks.onSolved?.(claim.userId);
      await publishDone(claim.submissionId);
      await feed.judged(claim.submissionId);
    },

    async finishWithInternalError(submissionId: number, message: string): Promise<void> {
      const done = await db.updateTable('submissions').set({ status: 'done', verdict: 'IE', score: 0, compileOutput: message, finishedAtMs: clock.now() })
        .where('id', '=', submissionId).where('status', 'in', ['queued', 'running']).executeTakeFirst();
      if (Number(done.numUpdatedRows) > 0) {
        await publishDone(submissionId);
        await feed.judged(submissionId);
      }
    },

    /**
     * Judging threw (a fault of ours, not of the program): 'retry' while tries remain (the caller rethrows so the
     * queue runs it again), else the submission ends as IE and 'ended'.
     */
    async judgingFailed(submissionId: number): Promise<'retry' | 'ended'> {
      const row = await db.selectFrom('submissions').select('tries').where('id', '=', submissionId).executeTakeFirst();
      if (row && row.tries < MAX_JUDGE_TRIES) return 'retry';
      await service.finishWithInternalError(submissionId, 'The judge failed on this submission; please submit again.');
      return 'ended';
    },

    /**
     * Re-enqueues submissions left unfinished: all of them at an embedded start (the in-process queue died with
     * the last process), or those running longer than `staleAfterMs` (their worker died without BullMQ noticing).
     */
    async requeueUnfinished(options: { staleAfterMs: number | null }): Promise<number> {
      let query = db.selectFrom('submissions').select(['id', 'tries']).where('status', 'in', ['queued', 'running']);
      if (options.staleAfterMs !== null) query = query.where('status', '=', 'running').where('startedAtMs', '<', clock.now() - options.staleAfterMs);
      const rows = await query.orderBy('id').limit(10_000).execute();
      for (const row of rows) await queue().add({ submissionId: row.id, enqueuedAtMs: clock.now() }, { jobId: `sub-${row.id}-try-${row.tries}` });
      return rows.length;
    },

    /**
     * Re-enqueues `queued` submissions older than `olderThanMs` whose job the queue no longer has (scaled mode: a
     * Redis that restarted without persistence forgot it; else the row stays queued forever and counts against
     * MAX_QUEUED_PER_USER). A job that is still waiting or running is left alone; a lost one is added again under its
     * first id (`sub-<id>`), so sweeps by several workers add it once.
     */
    async requeueLost(options: { olderThanMs: number }): Promise<number> {
      const rows = await db.selectFrom('submissions').select(['id', 'tries']).where('status', '=', 'queued')
        .where('createdAtMs', '<', clock.now() - options.olderThanMs).orderBy('id').limit(1000).execute();
      let requeued = 0;
      for (const row of rows) {
        const known = [`sub-${row.id}`, `sub-${row.id}-try-${row.tries}`];
        const pending = await Promise.all(known.map((jobId) => queue().isPending(jobId)));
        if (pending.some(Boolean)) continue;
        await queue().add({ submissionId: row.id, enqueuedAtMs: clock.now() }, { jobId: `sub-${row.id}` });
        requeued += 1;
      }
      return requeued;
    },
  };
  return service;
}

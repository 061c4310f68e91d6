import {
  AppError, type ActiveSession, type AttemptReport, type AttemptTimeline, type DashboardStats, type EventsQuery,
  type FlagBulkReviewBody, type FlagBulkReviewResult, type FlagsQuery, type TimelineSubmission,
  type FlagListItem, type FlagReviewBody, type ProctorEventRecord, type ProctorFlag, type StudentDetail, type StudentDetailQuery,
  type StudentsQuery,
} from '@logicode/contracts';
import type { Selectable } from 'kysely';
import type { ProblemSessionRow, ProctorFlagsTable } from '@logicode/db';
import { integrityOf, normaliseCounters } from '@logicode/proctoring';
import { teacherScopeOf, type Scope } from '../access/teacher-scope.js';
import { compiledOnce } from '../compiled-query.js';
import type { Actor, CoreDeps } from '../context.js';
import { solvedIdsOf } from '../problems/solved-memo.js';
import { countEventsSince, listEvents } from './event-reads.js';
import { emitTo, feedRooms } from './feed.js';
import { toAttempt, toEventRecord, toFlag } from './mappers.js';
import { studentsOverview } from './students-overview.js';
import type { SettingsStore } from './settings-store.js';

/** The user ids a cross-student read must stay within: undefined = no limit (everyone, or one student already checked). */
function scopeFilter(visible: Scope, userId: number | undefined): readonly number[] | undefined {
  return visible.all || userId !== undefined ? undefined : visible.userIds;
}

/** How long one count of the dashboard numbers serves every teacher. */
const DASHBOARD_FRESH_MS = 1000;

/**
 * The teacher's reads and flag reviews. Every method takes the actor and applies the one scope rule
 * (access/teacher-scope.ts): a teacher sees the students of their own classes and the attempts in their own
 * assessments; an admin (or TEACHER_SCOPE=all) everyone. Outside it: NOT_FOUND, or rows filtered out of a list.
 */
export function createTeacherService(deps: CoreDeps, settings: SettingsStore) {
  const { db } = deps.db;
  const scope = teacherScopeOf(deps);
  const startOfTodayMs = () => {
    const d = new Date(deps.clock.now());
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  };

  let dashboardMemo: { value: Promise<DashboardStats>; untilMs: number } | null = null;
  /** Students, active now, flagged attempts and events today (UTC day). */
  async function countDashboard(): Promise<DashboardStats> {
    const today = startOfTodayMs();
    const [students, active, flagged, events] = await Promise.all([
      db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).where('role', '=', 'student').executeTakeFirstOrThrow(),
      db.selectFrom('problemSessions').select((eb) => eb.fn.count<number>('userId').distinct().as('n')).where('isActive', '=', 1).executeTakeFirstOrThrow(),
      db.selectFrom('proctorFlags').select((eb) => eb.fn.count<number>('attemptId').distinct().as('n')).where('createdAtMs', '>=', today).executeTakeFirstOrThrow(),
      countEventsSince(deps, today),
    ]);
    return { students: Number(students.n), activeNow: Number(active.n), flaggedAttemptsToday: Number(flagged.n), eventsToday: events };
  }

  /** The four counts over a teacher's students only (user_id IN …: each by an index on user_id). */
  async function countScopedDashboard(ids: readonly number[]): Promise<DashboardStats> {
    if (ids.length === 0) return { students: 0, activeNow: 0, flaggedAttemptsToday: 0, eventsToday: 0 };
    const today = startOfTodayMs();
    const [active, flagged, events] = await Promise.all([
      db.selectFrom('problemSessions').select((eb) => eb.fn.count<number>('userId').distinct().as('n')).where('userId', 'in', ids).where('isActive', '=', 1).executeTakeFirstOrThrow(),
      db.selectFrom('proctorFlags').select((eb) => eb.fn.count<number>('attemptId').distinct().as('n')).where('userId', 'in', ids).where('createdAtMs', '>=', today).executeTakeFirstOrThrow(),
      countEventsSince(deps, today, ids),
    ]);
    return { students: ids.length, activeNow: Number(active.n), flaggedAttemptsToday: Number(flagged.n), eventsToday: events };
  }
  const scopedDashboards = new Map<number, { value: Promise<DashboardStats>; untilMs: number }>();

  // A student's detail: its statements built and compiled once (compiled-query.ts), with and without the cursor.
  // The newest attempts (a derived table, so the limit counts attempts, not joined rows) with their problem's
  // title and their flags joined: one statement where there were two (each statement's socket write and parse was
  // a visible share of the api's CPU on MariaDB), and only the flags of the attempts shown.
  // On MariaDB the student's own row leads (user id, name, email on every row; one row of nulls without attempts):
  // the user is read in the same round trip, and the solved ids come from the per-process memo kept true over
  // pub/sub (solved-memo.ts), so a detail is one statement where it was two (issue 18: 50 connections queued on
  // the round trips).
  const attemptsWithFlags = (userId: number, newest: ReturnType<typeof newestAttempts>) => db.selectFrom('users')
    .leftJoin(newest.as('ps'), 'ps.userId', 'users.id')
    .leftJoin('problems', 'problems.id', 'ps.problemId')
    .leftJoin('proctorFlags as f', (join) => join.onRef('f.attemptId', '=', 'ps.id').onRef('f.userId', '=', 'ps.userId'))
    .selectAll('ps')
    .select(['users.id as detailUserId', 'users.name as detailUserName', 'users.email as detailUserEmail'])
    .select(['problems.title as problemTitle', 'f.id as flagId', 'f.userId as flagUserId', 'f.problemId as flagProblemId',
      'f.rule as flagRule', 'f.reason as flagReason', 'f.severity as flagSeverity', 'f.status as flagStatus', 'f.note as flagNote',
      'f.createdAtMs as flagCreatedAtMs', 'f.updatedAtMs as flagUpdatedAtMs', 'f.action as flagAction', 'f.eventId as flagEventId',
      'f.dedupeKey as flagDedupeKey', 'f.reviewedBy as flagReviewedBy', 'f.reviewedAtMs as flagReviewedAtMs'])
    .where('users.id', '=', userId);
  const newestAttempts = (userId: number) => db.selectFrom('problemSessions').selectAll().where('userId', '=', userId);
  // SQLite runs in this process, so a statement costs no round trip or socket write: there the join was slower
  // (bench/http, server CPU per request, issue 18) than the attempts with titles and the student's flags apart.
  const titledAttempts = (userId: number) => db.selectFrom('problemSessions').selectAll('problemSessions')
    .leftJoin('problems', 'problems.id', 'problemSessions.problemId').select('problems.title as problemTitle')
    .where('problemSessions.userId', '=', userId);
  const flagsOf = (userId: number) => db.selectFrom('proctorFlags').selectAll().where('userId', '=', userId);
  const sqliteDetail = {
    attempts: compiledOnce(db, (userId: number, limit: number) => titledAttempts(userId).orderBy('problemSessions.id', 'desc').limit(limit), 2),
    attemptsBefore: compiledOnce(db, (userId: number, before: number, limit: number) => titledAttempts(userId)
      .where('problemSessions.id', '<', before).orderBy('problemSessions.id', 'desc').limit(limit), 3),
    flags: compiledOnce(db, (userId: number) => flagsOf(userId).orderBy('id'), 1),
    flagsBefore: compiledOnce(db, (userId: number, before: number) => flagsOf(userId).where('attemptId', '<', before).orderBy('id'), 2),
  };
  type Flag = Selectable<ProctorFlagsTable>;
  type DetailUser = { id: number; name: string; email: string };
  /**
   * The newest attempts (limit: one beyond the slice), their problems' titles and the slice's flags; on MariaDB
   * also the user (`user`: null when there is no such user; undefined on SQLite, which reads it apart).
   */
  async function detailAttempts(userId: number, limit: number, before: number | undefined) {
    const rows: ProblemSessionRow[] = [];
    const titles = new Map<number, string>();
    const flags: Flag[] = [];
    if (deps.db.dialect === 'sqlite') {
      const [titled, all] = await Promise.all([
        before === undefined ? sqliteDetail.attempts(userId, limit) : sqliteDetail.attemptsBefore(userId, before, limit),
        before === undefined ? sqliteDetail.flags(userId) : sqliteDetail.flagsBefore(userId, before),
      ]);
      for (const { problemTitle, ...row } of titled) {
        rows.push(row);
        titles.set(row.problemId, problemTitle ?? '');
      }
      const shown = new Set(rows.slice(0, limit - 1).map((r) => r.id));
      flags.push(...all.filter((f) => f.attemptId !== null && shown.has(f.attemptId)));
      return { rows, titles, flags, user: undefined as DetailUser | null | undefined };
    }
    const joined = before === undefined ? await detail.attempts(userId, limit) : await detail.attemptsBefore(userId, before, limit);
    const [head] = joined;
    const user: DetailUser | null = head ? { id: head.detailUserId, name: head.detailUserName, email: head.detailUserEmail } : null;
    // Newest attempt first, its flags by id: sorted here (an ORDER BY over both tables made MariaDB copy the
    // few joined rows to a temporary table and filesort them, EXPLAIN).
    joined.sort((a, b) => (b.id ?? 0) - (a.id ?? 0) || (a.flagId ?? 0) - (b.flagId ?? 0));
    for (const r of joined) {
      const {
        detailUserId, detailUserName, detailUserEmail, // eslint-disable-line @typescript-eslint/no-unused-vars
        problemTitle, flagId, flagUserId, flagProblemId, flagRule, flagReason, flagSeverity, flagStatus, flagNote, flagCreatedAtMs,
        flagUpdatedAtMs, flagAction, flagEventId, flagDedupeKey, flagReviewedBy, flagReviewedAtMs, ...attempt
      } = r;
      if (attempt.id === null) continue; // the user's one row without attempts
      const row = attempt as ProblemSessionRow;
      if (rows.length === 0 || rows[rows.length - 1]!.id !== row.id) {
        rows.push(row);
        titles.set(row.problemId, problemTitle ?? '');
      }
      if (flagId !== null && rows.length < limit) {
        flags.push({
          id: flagId, attemptId: row.id, userId: flagUserId!, problemId: flagProblemId!, rule: flagRule!, reason: flagReason!,
          severity: flagSeverity!, status: flagStatus!, note: flagNote, createdAtMs: flagCreatedAtMs!, updatedAtMs: flagUpdatedAtMs!,
          action: flagAction!, eventId: flagEventId, dedupeKey: flagDedupeKey!, reviewedBy: flagReviewedBy, reviewedAtMs: flagReviewedAtMs,
        });
      }
    }
    return { rows, titles, flags, user };
  }
  const detail = {
    userSolved: compiledOnce(db, (userId: number) => db.selectFrom('users').leftJoin('solved', 'solved.userId', 'users.id')
      .select(['users.id as id', 'users.name as name', 'users.email as email', 'solved.problemId as problemId'])
      .where('users.id', '=', userId), 1),
    attempts: compiledOnce(db, (userId: number, limit: number) => attemptsWithFlags(userId, newestAttempts(userId).orderBy('id', 'desc').limit(limit)), 2),
    attemptsBefore: compiledOnce(db, (userId: number, before: number, limit: number) => attemptsWithFlags(userId, newestAttempts(userId)
      .where('id', '<', before).orderBy('id', 'desc').limit(limit)), 3),
  };

  async function readFlagsAndTitles(rows: ProblemSessionRow[]) {
    const [flags, problems] = await Promise.all([
      db.selectFrom('proctorFlags').selectAll().where('attemptId', 'in', rows.map((r) => r.id)).orderBy('id').execute(),
      db.selectFrom('problems').select(['id', 'title']).where('id', 'in', [...new Set(rows.map((r) => r.problemId))]).execute(),
    ]);
    return { flags, titles: new Map(problems.map((p) => [p.id, p.title])) };
  }

  /** Attempts with titles, counters, integrity and flags; `read` when the caller already holds the flags and titles. */
  async function reports(rows: ProblemSessionRow[], read?: { flags: Selectable<ProctorFlagsTable>[]; titles: Map<number, string> }): Promise<AttemptReport[]> {
    if (rows.length === 0) return [];
    const { flags, titles } = read ?? await readFlagsAndTitles(rows);
    return Promise.all(rows.map(async (row) => {
      const counters = normaliseCounters(JSON.parse(row.counters));
      return {
        ...toAttempt(row, deps.clock.now()),
        problemTitle: titles.get(row.problemId) ?? '',
        counters,
        integrity: integrityOf(counters, await settings.forAttempt(row)), // practice: observed, never scored
        flags: flags.filter((f) => f.attemptId === row.id).map(toFlag),
      };
    }));
  }

  return {
    /** One page of the actor's students, searched and sorted (students-overview.ts). */
    students: async (actor: Actor, query: StudentsQuery) => studentsOverview(deps, query, await scope.of(actor)),

    async dashboard(actor: Actor): Promise<DashboardStats> {
      const visible = await scope.of(actor);
      const now = deps.clock.now();
      if (!visible.all) {
        // A teacher's own counts, each remembered for DASHBOARD_FRESH_MS (a dashboard polls; its tabs ask at once).
        let memo = scopedDashboards.get(actor.userId);
        if (!memo || memo.untilMs <= now) {
          if (scopedDashboards.size > 10_000) scopedDashboards.clear();
          const value = countScopedDashboard(visible.userIds);
          const entry = { value, untilMs: now + DASHBOARD_FRESH_MS };
          scopedDashboards.set(actor.userId, (memo = entry));
          value.catch(() => scopedDashboards.get(actor.userId) === entry && scopedDashboards.delete(actor.userId));
        }
        return memo.value;
      }
      // Everyone's dashboard (admins) asks for the same four counts: one computation serves all callers for a
      // second (at 50 callers polling, four counting queries each would queue on the pool).
      if (!dashboardMemo || dashboardMemo.untilMs <= now) {
        const value = countDashboard();
        dashboardMemo = { value, untilMs: now + DASHBOARD_FRESH_MS };
        value.catch(() => (dashboardMemo = null));
      }
      return dashboardMemo.value;
    },

    async activeSessions(actor: Actor): Promise<ActiveSession[]> {
      const visible = await scope.of(actor);
      if (!visible.all && visible.userIds.length === 0) return [];
      let active = db.selectFrom('problemSessions').selectAll().where('isActive', '=', 1);
      if (!visible.all) active = active.where('userId', 'in', visible.userIds);
      const rows = await active.orderBy('startedAtMs', 'desc').limit(500).execute();
      const [full, users] = await Promise.all([
        reports(rows),
        rows.length ? db.selectFrom('users').select(['id', 'name']).where('id', 'in', [...new Set(rows.map((r) => r.userId))]).execute() : [],
      ]);
      const names = new Map(users.map((u) => [u.id, u.name]));
      return full.map(({ integrity: _i, flags, ...rest }) => ({
        ...rest, userName: names.get(rest.userId) ?? '', openFlags: flags.filter((f) => f.status === 'open').length,
      }));
    },

    /** Newest first across every shard, paginated with a cursor (event-reads.ts); the actor's students only. */
    async events(actor: Actor, query: EventsQuery) {
      const visible = await scope.of(actor);
      if (query.attemptId !== undefined) {
        const attempt = await db.selectFrom('problemSessions').select(['userId', 'assessmentId']).where('id', '=', query.attemptId).executeTakeFirst();
        // An attempt in scope (its student, or the actor's assessment) shows all its events.
        if (!attempt || !(await scope.hasAttempt(actor, attempt))) throw new AppError('NOT_FOUND', 'No such attempt.');
        return listEvents(deps, query);
      }
      if (query.userId !== undefined && !visible.has(query.userId)) throw new AppError('NOT_FOUND', 'No such student.');
      return listEvents(deps, query, scopeFilter(visible, query.userId));
    },

    /** A student, their solved problems and a bounded slice of their attempts, newest first (older: the cursor). */
    async student(actor: Actor, userId: number, query: StudentDetailQuery = { attemptsLimit: 20 }): Promise<StudentDetail> {
      // The reads at once (one round trip of latency); an unknown id simply finds no rows. One attempt beyond the
      // limit tells whether an older slice exists. The user comes with their solved ids (one row per solved
      // problem, one with a null id without any); the attempts with their titles and flags (detailAttempts: one
      // statement on MariaDB, two on SQLite). All by index (EXPLAIN on MariaDB and SQLite). The scope check runs
      // alongside (its answer is usually remembered): nothing is returned unless it passes.
      // On MariaDB the user comes with the attempts and the solved ids from the memo (detailAttempts).
      const before = query.attemptsBefore;
      const sqlite = deps.db.dialect === 'sqlite';
      const [, userSolved, solvedMemo, { rows, titles, flags, user: joinedUser }] = await Promise.all([
        scope.requireStudent(actor, userId, 'No such user.'),
        sqlite ? detail.userSolved(userId) : null,
        sqlite ? null : solvedIdsOf(deps, userId),
        detailAttempts(userId, query.attemptsLimit + 1, before),
      ]);
      const first = userSolved?.[0];
      const user = joinedUser ?? (first ? { id: first.id, name: first.name, email: first.email } : null);
      if (!user) throw new AppError('NOT_FOUND', 'No such user.');
      // Sorted here, not by the statement: ORDER BY a joined table's column made MariaDB build a temporary table
      // and filesort it (EXPLAIN), for a student's few dozen ids.
      const solvedProblemIds = (solvedMemo ? [...solvedMemo] : userSolved!.flatMap((r) => (r.problemId === null ? [] : [r.problemId])))
        .sort((a, b) => a - b);
      const slice = rows.slice(0, query.attemptsLimit);
      const more = rows.length > query.attemptsLimit;
      const read = { flags, titles };
      // The first slice holding every attempt is its own count (most students): no counting query then.
      const [reported, attemptCount] = await Promise.all([
        reports(slice, read),
        !more && query.attemptsBefore === undefined
          ? rows.length
          : db.selectFrom('problemSessions').select((eb) => eb.fn.countAll<number>().as('n')).where('userId', '=', userId).executeTakeFirstOrThrow().then((r) => Number(r.n)),
      ]);
      return {
        user, attempts: reported, attemptCount, nextAttemptsCursor: more ? slice[slice.length - 1]!.id : null, solvedProblemIds,
      };
    },

    /** Reports (counters, integrity, flags) of the given attempts of one student, newest first. */
    async attemptReports(userId: number, attemptIds: number[]): Promise<AttemptReport[]> {
      if (attemptIds.length === 0) return [];
      return reports(await db.selectFrom('problemSessions').selectAll().where('userId', '=', userId).where('id', 'in', attemptIds).orderBy('id', 'desc').execute());
    },

    /** Events and snapshots of one attempt in client-time order, for playback, with who took it. */
    async timeline(actor: Actor, attemptId: number): Promise<AttemptTimeline & { userName: string; submissions: TimelineSubmission[] }> {
      const row = await db.selectFrom('problemSessions').selectAll().where('id', '=', attemptId).executeTakeFirst();
      if (!row) throw new AppError('NOT_FOUND', 'No such attempt.');
      await scope.requireAttempt(actor, row);
      // The attempt's events and snapshots live on its owner's shard (the main database without shards).
      const shard = deps.db.shards.forUser(row.userId);
      // Runs and Submits of the attempt: those stamped with it (assessments, timed problems) and, for a practice
      // attempt, the student's unstamped ones at the same problem inside the attempt's window.
      const windowEndMs = row.isActive === 1 ? deps.clock.now() : Number(row.endedAtMs ?? deps.clock.now());
      const submissionRows = db.selectFrom('submissions').select(['id', 'mode', 'verdict', 'score', 'createdAtMs', 'autoSubmitted'])
        .where((eb) => eb.or([
          eb('attemptId', '=', attemptId),
          eb.and([eb('userId', '=', row.userId), eb('problemId', '=', row.problemId), eb('attemptId', 'is', null),
            eb('createdAtMs', '>=', row.startedAtMs), eb('createdAtMs', '<=', windowEndMs)]),
        ])).orderBy('createdAtMs').orderBy('id').limit(2000).execute();
      const [[attempt], events, snaps, user, subs] = await Promise.all([
        reports([row]),
        shard.selectFrom('proctorEvents').selectAll().where('attemptId', '=', attemptId).orderBy('clientTsMs').limit(20_000).execute(),
        shard.selectFrom('codeSnapshots').selectAll().where('attemptId', '=', attemptId).orderBy('seq').limit(5_000).execute(),
        db.selectFrom('users').select('name').where('id', '=', row.userId).executeTakeFirst(),
        submissionRows,
      ]);
      const snapshotEvents: ProctorEventRecord[] = snaps.map((s) => ({
        id: s.id, userId: s.userId, problemId: s.problemId, attemptId, type: 'code_snapshot', severity: 'info',
        data: s.kind === 'diff'
          ? { kind: 'diff', seq: s.seq, baseSeq: s.baseSeq, language: s.language, edits: JSON.parse(s.code) }
          : { kind: 'full', seq: s.seq, language: s.language, content: s.code },
        clientTsMs: Number(s.clientTsMs), receivedAt: new Date(Number(s.createdAtMs)).toISOString(), late: Number(s.late) === 1,
      }));
      // Playback order: the server-bounded client time (attempt-guard.ts keeps it inside the attempt's window, so
      // nothing can be stamped before the start or after the end), the server's receipt breaking ties.
      const merged = [...events.map(toEventRecord), ...snapshotEvents]
        .sort((a, b) => a.clientTsMs - b.clientTsMs || Date.parse(a.receivedAt) - Date.parse(b.receivedAt));
      const flagIds = attempt!.flags.map((f) => f.id);
      const audit = flagIds.length
        ? await db.selectFrom('flagAudit').selectAll().where('flagId', 'in', flagIds).orderBy('id').execute()
        : [];
      return {
        attempt: attempt!,
        userName: user?.name ?? '',
        events: merged,
        submissions: subs.map((s) => ({
          id: s.id, mode: s.mode, verdict: s.verdict, score: s.score === null ? null : Number(s.score),
          atMs: Number(s.createdAtMs), autoSubmitted: Number(s.autoSubmitted) === 1,
        })),
        audit: audit.map((a) => ({
          id: a.id, flagId: a.flagId, actorId: a.actorId, action: a.action, note: a.note,
          createdAt: new Date(Number(a.createdAtMs)).toISOString(),
        })),
      };
    },

    /** Flags of the actor's students, newest first, each naming the student and the problem. */
    async flags(actor: Actor, query: FlagsQuery): Promise<FlagListItem[]> {
      // An assessment's flags: every attempt in the actor's own assessment is in scope (even of a student who
      // has left the class); another teacher's assessment or class answers NOT_FOUND (teacher-scope.ts).
      if (query.assessmentId !== undefined) await scope.requireAssessment(actor, query.assessmentId);
      const inClass = query.classId !== undefined ? await scope.classStudents(actor, query.classId) : undefined;
      const visible = await scope.of(actor);
      if (query.userId !== undefined && !visible.has(query.userId) && query.assessmentId === undefined) return [];
      let only = query.assessmentId !== undefined ? undefined : scopeFilter(visible, query.userId);
      if (inClass) only = only ? inClass.filter((id) => only!.includes(id)) : inClass;
      if (only && only.length === 0) return [];
      let q = db.selectFrom('proctorFlags').innerJoin('users', 'users.id', 'proctorFlags.userId').leftJoin('problems', 'problems.id', 'proctorFlags.problemId')
        .selectAll('proctorFlags').select(['users.name as userName', 'problems.title as problemTitle']);
      if (query.status) q = q.where('proctorFlags.status', '=', query.status);
      if (query.problemId) q = q.where('proctorFlags.problemId', '=', query.problemId);
      if (query.userId) q = q.where('proctorFlags.userId', '=', query.userId);
      if (only) q = q.where('proctorFlags.userId', 'in', only);
      if (query.assessmentId !== undefined) {
        const inAssessment = db.selectFrom('problemSessions').select('problemSessions.id').where('problemSessions.assessmentId', '=', query.assessmentId);
        q = q.where('proctorFlags.attemptId', 'in', inAssessment);
      }
      const rows = await q.orderBy('proctorFlags.id', 'desc').limit(query.limit).execute();
      return rows.map(({ userName, problemTitle, ...row }) => ({ ...toFlag(row), userName, problemTitle: problemTitle ?? '' }));
    },

    /**
     * The same review for many flags (one note for all), each checked and audited on its own: a flag outside the
     * scope (or missing) is left alone and listed in `notFound`, never told apart.
     */
    async reviewFlags(actor: Actor, body: FlagBulkReviewBody): Promise<FlagBulkReviewResult> {
      const result: FlagBulkReviewResult = { updated: [], notFound: [] };
      for (const id of [...new Set(body.ids)]) {
        try {
          await this.reviewFlag(actor, id, { note: body.note, ...(body.status ? { status: body.status } : {}) });
          result.updated.push(id);
        } catch (err) {
          if (!(err instanceof AppError) || err.code !== 'NOT_FOUND') throw err;
          result.notFound.push(id);
        }
      }
      return result;
    },

    /** Clear, reopen or annotate a flag; the change and its note go to the audit trail. Raw events stay. */
    async reviewFlag(actor: Actor, flagId: number, body: FlagReviewBody): Promise<ProctorFlag> {
      // Only a flag of a student in scope (or raised in the actor's own assessment) may be reviewed; any other
      // answers as a missing one would.
      const target = await db.selectFrom('proctorFlags').leftJoin('problemSessions', 'problemSessions.id', 'proctorFlags.attemptId')
        .select(['proctorFlags.userId as userId', 'problemSessions.assessmentId as assessmentId']).where('proctorFlags.id', '=', flagId).executeTakeFirst();
      if (!target) throw new AppError('NOT_FOUND', 'No such flag.');
      await scope.requireAttempt(actor, { userId: target.userId, assessmentId: target.assessmentId ?? null }, 'No such flag.');
      const now = deps.clock.now();
      const flag = await db.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('proctorFlags').selectAll().where('id', '=', flagId).executeTakeFirst();
        if (!row) throw new AppError('NOT_FOUND', 'No such flag.');
        const status = body.status ?? row.status;
        const action = status === row.status ? 'annotate' : status === 'cleared' ? 'clear' : 'reopen';
        await trx.updateTable('proctorFlags')
          .set({ status, note: body.note, updatedAtMs: now, reviewedBy: actor.userId, reviewedAtMs: now })
          .where('id', '=', flagId).execute();
        await trx.insertInto('flagAudit').values({ flagId, actorId: actor.userId, action, note: body.note, createdAtMs: now }).execute();
        return toFlag({ ...row, status, note: body.note, updatedAtMs: now, reviewedBy: actor.userId, reviewedAtMs: now });
      });
      const [targets, user, problem] = await Promise.all([
        feedRooms(deps, flag.userId, flag.problemId),
        db.selectFrom('users').select('name').where('id', '=', flag.userId).executeTakeFirst(),
        db.selectFrom('problems').select('title').where('id', '=', flag.problemId).executeTakeFirst(),
      ]);
      await emitTo(deps.pubsub, targets, 'proctor:flag', { flag, counters: null, userName: user?.name ?? '', problemTitle: problem?.title ?? '' });
      return flag;
    },
  };
}
export type TeacherService = ReturnType<typeof createTeacherService>;

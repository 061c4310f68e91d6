import type { PackageImportReport, PackageSubmissionResult, ProblemUpsertBody } from '@logicode/contracts';
import { askWorker, type RemoteWorkerOptions } from '../problems/remote-validator.js';
import type { SubmissionRun } from '../submissions/queues.js';
import type { MappedPackage, PackageSubmission } from './package-to-problem.js';

/** Accepted submissions run at this limit when the package gives none, to find the slowest (the judge's maximum). */
export const PROBE_TIME_LIMIT_MS = 20_000;

type Runner = (body: ProblemUpsertBody, submissions: PackageSubmission[]) => Promise<SubmissionRun[]>;

export function remoteRunner(worker: RemoteWorkerOptions): Runner {
  return async (body, submissions) => {
    if (submissions.length === 0) return [];
    const reply = await askWorker(worker, {
      problem: body,
      verify: { submissions: submissions.map(({ path, language, source }) => ({ path, language, source })) },
    });
    return reply.runs ?? [];
  };
}

function resultOf(submission: PackageSubmission, run: SubmissionRun | undefined): PackageSubmissionResult {
  return {
    path: submission.path, language: submission.language, expected: submission.expected, got: run?.verdict ?? null,
    maxCpuMs: run?.maxCpuMs ?? null, skipped: run ? null : 'The judge returned no result for it.', message: run?.message ?? null,
  };
}

/**
 * The ICPC tools' verification: every submission judged, expected vs got. Without a time limit in the package,
 * the accepted ones run first and the limit is the slowest × the package's multiplier, rounded up to a whole
 * second (as Kattis limits are); the others then run at that limit.
 */
export async function verifyPackage(mapped: MappedPackage, runner: Runner | null): Promise<Pick<PackageImportReport, 'timeLimit' | 'submissions' | 'hasMismatch'>> {
  const { body, submissions } = mapped;
  const results = [...mapped.report.submissions];
  const finish = (timeLimit: PackageImportReport['timeLimit']) => {
    body.problem.timeLimitMs = timeLimit.ms;
    const hasMismatch = results.some((r) => r.got !== null && r.got !== r.expected);
    return { timeLimit, submissions: results, hasMismatch };
  };
  const skipAll = (reason: string) => submissions.forEach((s) => results.push({ ...resultOf(s, undefined), skipped: reason }));

  if (!runner) {
    skipAll('Not judged: this server does not validate problems on a worker (validation is off).');
    const ms = mapped.givenTimeLimitMs ?? body.problem.timeLimitMs;
    return finish({ ms, source: mapped.givenTimeLimitMs ? 'package' : 'default', note: mapped.givenTimeLimitMs ? 'From the package.' : `The package gives none and nothing was run: ${ms} ms by default.` });
  }
  try {
    if (mapped.givenTimeLimitMs !== null) {
      const runs = await runner(body, submissions);
      submissions.forEach((s) => results.push(resultOf(s, runs.find((r) => r.path === s.path))));
      return finish({ ms: mapped.givenTimeLimitMs, source: 'package', note: 'From the package.' });
    }
    const accepted = submissions.filter((s) => s.expected === 'AC');
    const others = submissions.filter((s) => s.expected !== 'AC');
    const probe = { ...body, problem: { ...body.problem, timeLimitMs: PROBE_TIME_LIMIT_MS } };
    const acceptedRuns = await runner(probe, accepted);
    const passed = acceptedRuns.filter((r) => r.verdict === 'AC');
    let timeLimit: PackageImportReport['timeLimit'];
    if (passed.length === 0) {
      timeLimit = { ms: body.problem.timeLimitMs, source: 'default', note: `No accepted submission passed to derive it from: ${body.problem.timeLimitMs} ms by default.` };
    } else {
      const slowest = passed.reduce((a, b) => (b.maxCpuMs > a.maxCpuMs ? b : a));
      const ms = Math.min(20_000, Math.max(1000, Math.ceil((slowest.maxCpuMs * mapped.timeMultiplier) / 1000) * 1000));
      timeLimit = {
        ms, source: 'derived',
        note: `Slowest accepted submission ${slowest.path} took ${slowest.maxCpuMs} ms × ${mapped.timeMultiplier} (the package's time multiplier), rounded up to a whole second: ${ms} ms.`,
      };
    }
    accepted.forEach((s) => results.push(resultOf(s, acceptedRuns.find((r) => r.path === s.path))));
    body.problem.timeLimitMs = timeLimit.ms;
    const otherRuns = await runner(body, others);
    others.forEach((s) => results.push(resultOf(s, otherRuns.find((r) => r.path === s.path))));
    return finish(timeLimit);
  } catch (error) {
    results.length = mapped.report.submissions.length;
    skipAll(`Not judged: ${error instanceof Error ? error.message : String(error)}`);
    const ms = mapped.givenTimeLimitMs ?? body.problem.timeLimitMs;
    return finish({ ms, source: mapped.givenTimeLimitMs ? 'package' : 'default', note: mapped.givenTimeLimitMs ? 'From the package.' : `Nothing could be run to derive it: ${ms} ms by default.` });
  }
}

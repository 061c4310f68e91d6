// Scored problems (the package format's `type: scoring`, test data groups with points): each group's points from its
// tests' verdicts, by its rule. A test scores 1 when accepted and 0 otherwise; a test that did not run failed.
import type { GroupResult, JudgeJob, JudgeResult, TestResult, Verdict } from '@logicode/contracts';
import { headline } from './verdict.js';

/** Points are kept to 1/1000 so sums of thirds do not print as 33.333333333333336. */
const round = (x: number) => Math.round(x * 1000) / 1000;

/** `notRun`: the verdict of a group none of whose failures ran (the job's own: CE, IE). */
export function groupResults(job: Pick<JudgeJob, 'tests' | 'scoring'>, results: readonly (TestResult | undefined)[], notRun: Verdict): GroupResult[] {
  const groups = job.scoring?.type === 'scored' ? job.scoring.groups : [];
  return groups.map((g) => {
    const members = job.tests.flatMap((t, i) => (t.group === g.name ? [{ weight: t.weight, result: results[i] }] : []));
    const accepted = members.filter((m) => m.result?.verdict === 'AC');
    const ran = members.flatMap((m) => (m.result ? [m.result] : []));
    const total = members.reduce((s, m) => s + m.weight, 0);
    let fraction: number;
    if (members.length === 0) fraction = 0;
    else if (g.rule === 'min') fraction = accepted.length === members.length ? 1 : 0;
    else fraction = total > 0 ? accepted.reduce((s, m) => s + m.weight, 0) / total : accepted.length / members.length;
    const allAccepted = members.length > 0 && accepted.length === members.length;
    return {
      name: g.name,
      rule: g.rule,
      points: round(g.points * fraction),
      maxPoints: g.points,
      verdict: allAccepted ? 'AC' : ran.some((r) => r.verdict !== 'AC') ? headline(ran.filter((r) => r.verdict !== 'AC')) : notRun,
      testCount: members.length,
    };
  });
}

/** The result with its groups, points and score by points (unchanged for a pass-fail job). */
export function withScoring(job: Pick<JudgeJob, 'tests' | 'scoring'>, result: JudgeResult): JudgeResult {
  if (job.scoring?.type !== 'scored') return result;
  const groups = groupResults(job, job.tests.map((t) => result.tests.find((r) => r.testId === t.id)), result.verdict === 'AC' ? 'IE' : result.verdict);
  const points = round(groups.reduce((s, g) => s + g.points, 0));
  const maxPoints = round(groups.reduce((s, g) => s + g.maxPoints, 0));
  return { ...result, groups, points, maxPoints, score: maxPoints > 0 ? Math.min(1, points / maxPoints) : 0 };
}

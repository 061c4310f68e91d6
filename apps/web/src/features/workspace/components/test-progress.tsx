import type { SubmissionTestResult } from '@logicode/contracts';

/** One chip per test, filled in as each test's result arrives. */
export function TestProgress({ tests, testCount }: { tests: SubmissionTestResult[]; testCount: number | null }) {
  const total = Math.max(testCount ?? 0, tests.length);
  const byIndex = new Map(tests.map((t) => [t.index, t]));
  const done = tests.length;
  return (
    <div className="test-progress" data-testid="test-progress">
      <div className="progress-label" aria-live="polite">
        {total > 0 ? `${done} of ${total} tests finished` : 'Waiting for the judge…'}
      </div>
      <div className="progress-bar" role="progressbar" aria-valuemin={0} aria-valuemax={total || 1} aria-valuenow={done}>
        <div className="progress-fill" style={{ width: total ? `${(done / total) * 100}%` : '0%' }} />
      </div>
      {total > 0 ? (
        <ol className="chips" aria-label="Tests">
          {Array.from({ length: total }, (_, i) => {
            const t = byIndex.get(i);
            return (
              <li key={i} className={`chip ${t ? `chip-${t.verdict.toLowerCase()}` : 'chip-pending'}`}
                title={t ? `${t.isCustom ? 'Custom input' : `Test ${i + 1}`}: ${t.isCustom && t.expectedOutput === null && t.verdict === 'AC' ? 'ran' : t.verdict}` : `Test ${i + 1}: running`} data-testid="test-chip" data-verdict={t?.verdict ?? ''}>
                {i + 1}
              </li>
            );
          })}
        </ol>
      ) : null}
    </div>
  );
}

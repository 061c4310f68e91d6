import { VERDICT_LABELS, type SubmissionTestResult } from '@logicode/contracts';
import { VerdictBadge } from '../../../components/ui/verdict-badge.js';
import { ErrorState, Spinner } from '../../../components/ui/status.js';
import { formatKb, formatMs } from '../../../lib/format.js';
import type { LiveSubmission } from '../hooks/use-live-submission.js';
import { TestProgress } from './test-progress.js';

function IoBlock({ label, value }: { label: string; value: string | null }) {
  return (
    <div className="io-block">
      <div className="sample-label">{label}</div>
      <pre className="io">{value === null ? '(hidden)' : value === '' ? '(empty)' : value}</pre>
    </div>
  );
}

/** The first sample test that failed, shown in full (the original hid this when the input was empty). */
function FirstFailure({ test }: { test: SubmissionTestResult }) {
  return (
    <section className="first-failure" aria-label="First failing test" data-testid="first-failure">
      <h3>
        Test {test.index + 1}: {VERDICT_LABELS[test.verdict]}
      </h3>
      {test.message ? <p className="muted">{test.message}</p> : null}
      <div className="io-grid">
        <IoBlock label="Input" value={test.input} />
        {test.isCustom ? null : <IoBlock label="Expected output" value={test.expectedOutput} />}
        <IoBlock label="Your output" value={test.output} />
      </div>
      {test.stderr ? <IoBlock label="Standard error" value={test.stderr} /> : null}
    </section>
  );
}

function TestTable({ tests }: { tests: SubmissionTestResult[] }) {
  return (
    <table className="table compact" data-testid="test-table">
      <thead>
        <tr>
          <th scope="col">Test</th>
          <th scope="col">Verdict</th>
          <th scope="col" className="num">Time</th>
          <th scope="col" className="num">Memory</th>
        </tr>
      </thead>
      <tbody>
        {tests.map((t) => (
          <tr key={t.index}>
            <td>{t.isCustom ? 'Custom input' : `${t.index + 1}${t.isSample ? ' (sample)' : ''}`}</td>
            <td><VerdictBadge verdict={t.verdict} /></td>
            <td className="num">{formatMs(t.cpuMs)}</td>
            <td className="num">{formatKb(t.memoryKb)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ResultPanel({ live }: { live: LiveSubmission | null }) {
  if (!live) {
    return <p className="muted result-empty">Run your code on the examples, or submit it for every test. Results appear here, test by test.</p>;
  }
  if (live.error && !live.final) return <ErrorState error={live.error} title="The result could not be loaded" />;
  const final = live.final;
  const tests = final?.tests ?? live.tests;
  const failing = tests.find((t) => t.verdict !== 'AC' && (t.isSample || t.isCustom) && t.input !== null);
  const custom = tests.find((t) => t.isCustom);
  return (
    <div className="result" data-testid="result-panel" data-status={final ? 'done' : live.status}>
      <div className="result-head">
        {final ? (
          <>
            <span data-testid="verdict" data-verdict={final.verdict ?? ''}><VerdictBadge verdict={final.verdict} /></span>
            <span className="muted small">
              {final.mode === 'run' ? 'Run on the examples' : 'Submission'}
              {final.score !== null && final.mode === 'submit' ? ` · score ${Math.round(final.score)}` : ''}
              {final.maxCpuMs !== null ? ` · ${formatMs(final.maxCpuMs)}` : ''}
              {final.maxMemoryKb !== null ? ` · ${formatKb(final.maxMemoryKb)}` : ''}
              {final.autoSubmitted ? ' · submitted automatically at the deadline' : ''}
            </span>
          </>
        ) : (
          <Spinner label={live.status === 'queued' ? 'Queued…' : 'Judging…'} />
        )}
      </div>
      {final?.verdict === 'CE' && final.compileOutput ? (
        <section aria-label="Compiler output">
          <h3>Compiler output</h3>
          <pre className="io compile-output" data-testid="compile-output">{final.compileOutput}</pre>
        </section>
      ) : (
        <TestProgress tests={tests} testCount={final?.testCount ?? live.testCount} />
      )}
      {failing ? <FirstFailure test={failing} /> : null}
      {custom && custom === failing ? null : custom ? (
        <div className="io-grid">
          <IoBlock label="Custom input" value={custom.input} />
          <IoBlock label="Your output" value={custom.output} />
        </div>
      ) : null}
      {tests.length > 0 && final?.verdict !== 'CE' ? <TestTable tests={tests} /> : null}
    </div>
  );
}

import { VERDICT_LABELS, type Submission, type SubmissionTestResult } from '@logicode/contracts';
import { VerdictBadge } from '../../../components/ui/verdict-badge.js';
import { ErrorState, Spinner } from '../../../components/ui/status.js';
import { formatKb, formatMs, plural } from '../../../lib/format.js';
import type { LiveSubmission } from '../hooks/use-live-submission.js';
import type { Diagnostic } from '../lib/compile-diagnostics.js';
import { OutputDiff } from './output-diff.js';
import { TestProgress } from './test-progress.js';

/** A custom input with no reference solution to compare with: it ran, nothing was checked. */
export const ranWithoutCheck = (t: SubmissionTestResult) => t.isCustom && t.expectedOutput === null && t.verdict === 'AC';

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
        {test.isCustom ? 'Custom input' : `Test ${test.index + 1}`}: {VERDICT_LABELS[test.verdict]}
      </h3>
      {test.message ? <p className="muted">{test.message}</p> : null}
      {test.judgeMessage ? <IoBlock label="Judge's message" value={test.judgeMessage} /> : null}
      {test.transcript ? <IoBlock label="Interaction (< judge, > your program)" value={test.transcript} /> : null}
      <div className="io-grid">
        <IoBlock label="Input" value={test.input} />
        {test.isCustom && test.expectedOutput === null ? null : (
          <IoBlock label={test.isCustom ? 'Expected output (reference solution)' : 'Expected output'} value={test.expectedOutput} />
        )}
        <IoBlock label="Your output" value={test.output} />
      </div>
      {test.verdict === 'WA' && test.expectedOutput !== null && test.output !== null ? <OutputDiff expected={test.expectedOutput} actual={test.output} /> : null}
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
            <td>{ranWithoutCheck(t) ? <span className="badge verdict verdict-ran">Ran</span> : <VerdictBadge verdict={t.verdict} />}</td>
            <td className="num">{formatMs(t.cpuMs)}</td>
            <td className="num">{formatKb(t.memoryKb)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A scored problem: points per test group (the package format's subtasks). */
function GroupTable({ groups }: { groups: NonNullable<Submission['groups']> }) {
  return (
    <table className="table compact" data-testid="group-table">
      <thead>
        <tr>
          <th scope="col">Group</th>
          <th scope="col">Verdict</th>
          <th scope="col" className="num">Points</th>
        </tr>
      </thead>
      <tbody>
        {groups.map((g) => (
          <tr key={g.name} data-testid="group-row">
            <td>{g.name} <span className="muted small">({plural(g.testCount, 'test')}, {g.rule === 'min' ? 'all or nothing' : 'per test'})</span></td>
            <td><VerdictBadge verdict={g.verdict} /></td>
            <td className="num">{g.points} / {g.maxPoints}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Compiler messages placed on lines: a list that moves the cursor there (the editor shows the same as markers). */
function DiagnosticList({ diagnostics, onJump }: { diagnostics: Diagnostic[]; onJump?: ((line: number, column: number) => void) | undefined }) {
  if (diagnostics.length === 0) return null;
  return (
    <ul className="diagnostic-list" data-testid="diagnostics">
      {diagnostics.slice(0, 20).map((d, i) => (
        <li key={i}>
          <button type="button" className="link-button" onClick={() => onJump?.(d.line, d.column)}>
            Line {d.line}, column {d.column}
          </button>{' '}
          <span className={d.severity === 'error' ? 'diagnostic-error' : 'muted'}>{d.message}</span>
        </li>
      ))}
    </ul>
  );
}

interface ResultPanelProps {
  live: LiveSubmission | null;
  diagnostics?: Diagnostic[];
  onJumpToLine?: (line: number, column: number) => void;
}

export function ResultPanel({ live, diagnostics = [], onJumpToLine }: ResultPanelProps) {
  if (!live) {
    return <p className="muted result-empty">Run your code on the examples, or submit it for every test. Results appear here, test by test.</p>;
  }
  if (live.error && !live.final) return <ErrorState error={live.error} title="The result could not be loaded" />;
  const final = live.final;
  const tests = final?.tests ?? live.tests;
  const failing = tests.find((t) => t.verdict !== 'AC' && (t.isSample || t.isCustom) && t.input !== null);
  const custom = tests.find((t) => t.isCustom);
  // Nothing but a custom input without a reference solution: there is no verdict to give, only output.
  const onlyRan = final?.verdict === 'AC' && tests.length > 0 && tests.every(ranWithoutCheck);
  return (
    <div className="result" data-testid="result-panel" data-status={final ? 'done' : live.status}>
      <div className="result-head">
        {final ? (
          <>
            <span data-testid="verdict" data-verdict={onlyRan ? 'RAN' : (final.verdict ?? '')}>
              {onlyRan ? <span className="badge verdict verdict-ran">Ran</span> : <VerdictBadge verdict={final.verdict} />}
            </span>
            <span className="muted small">
              {final.mode === 'run' ? (onlyRan ? 'Ran on your input; no reference solution to compare with' : 'Run on the examples') : 'Submission'}
              {final.groups
                ? ` · ${final.groups.reduce((s, g) => s + g.points, 0)} / ${final.groups.reduce((s, g) => s + g.maxPoints, 0)} points`
                : final.score !== null && final.mode === 'submit' ? ` · score ${Math.round(final.score)}` : ''}
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
          <DiagnosticList diagnostics={diagnostics} onJump={onJumpToLine} />
          <pre className="io compile-output" data-testid="compile-output">{final.compileOutput}</pre>
        </section>
      ) : (
        <TestProgress tests={tests} testCount={final?.testCount ?? live.testCount} />
      )}
      {failing ? <FirstFailure test={failing} /> : null}
      {custom && custom === failing ? null : custom ? (
        <div className="io-grid" data-testid="custom-result">
          <IoBlock label="Custom input" value={custom.input} />
          {custom.expectedOutput === null ? null : <IoBlock label="Expected output (reference solution)" value={custom.expectedOutput} />}
          <IoBlock label="Your output" value={custom.output} />
          {custom.expectedOutput === null && custom.verdict === 'AC' ? (
            <p className="muted small">No reference solution for this problem, so this output was not checked.</p>
          ) : null}
        </div>
      ) : null}
      {final?.groups && final.groups.length > 0 ? <GroupTable groups={final.groups} /> : null}
      {tests.length > 0 && final?.verdict !== 'CE' ? <TestTable tests={tests} /> : null}
    </div>
  );
}

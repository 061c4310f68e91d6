import { plural } from '../../../lib/format.js';
import { lineDiff } from '../lib/line-diff.js';

const show = (line: string | null) => (line === null ? '(no line)' : line === '' ? '(empty line)' : line);

/**
 * Expected against actual, line by line, differing lines marked by colour and by text ("differs"), with a sentence
 * naming the first difference for screen readers. Only for visible tests (samples, custom input): hidden tests
 * never reach the browser with their expected output.
 */
export function OutputDiff({ expected, actual }: { expected: string; actual: string }) {
  const { rows, differing, truncated } = lineDiff(expected, actual);
  const first = rows.find((r) => !r.same);
  return (
    <section className="output-diff" aria-label="Expected and your output compared" data-testid="output-diff">
      <p className="small" data-testid="diff-summary">
        {first
          ? `Line ${first.line} differs: ${first.expected === null ? 'nothing more was expected' : `expected ${JSON.stringify(first.expected)}`}, ${first.actual === null ? 'your output ends before it' : `your output ${JSON.stringify(first.actual)}`}. ${differing} of ${plural(Math.max(rows.length, 1), 'line')} differ.`
          : 'The lines match once trailing spaces are ignored; the checker compares in another way (tokens or numbers with a tolerance).'}
      </p>
      <div className="diff-scroll">
        <table className="diff-table">
          <thead>
            <tr>
              <th scope="col" className="num">Line</th>
              <th scope="col">Expected</th>
              <th scope="col">Your output</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.line} className={r.same ? undefined : 'diff-row-differs'} data-differs={r.same ? undefined : 'true'}>
                <th scope="row" className="num">
                  {r.line}
                  {r.same ? null : <span className="sr-only"> (differs)</span>}
                </th>
                <td><code>{show(r.expected)}</code></td>
                <td><code>{show(r.actual)}</code></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {truncated ? <p className="muted small">Only the first {rows.length} lines are compared here.</p> : null}
    </section>
  );
}

import type { TestCaseInput } from '@logicode/contracts';

interface Props {
  tests: TestCaseInput[];
  onChange: (tests: TestCaseInput[]) => void;
  errors: Record<string, string>;
}

export function TestsEditor({ tests, onChange, errors }: Props) {
  const update = (index: number, patch: Partial<TestCaseInput>) => onChange(tests.map((t, i) => (i === index ? { ...t, ...patch } : t)));
  const move = (index: number, delta: number) => {
    const next = [...tests];
    const [item] = next.splice(index, 1);
    if (item) next.splice(index + delta, 0, item);
    onChange(next);
  };
  const samples = tests.filter((t) => t.isSample).length;
  return (
    <section className="card" aria-labelledby="tests-title">
      <div className="page-header">
        <h2 id="tests-title">Tests</h2>
        <span className="muted small">{samples} sample, {tests.length - samples} hidden · students see only the samples</span>
      </div>
      {tests.map((t, i) => (
        <fieldset key={i} className="test-editor" data-testid="test-editor">
          <legend>
            Test {i + 1} {t.isSample ? <span className="badge">sample</span> : <span className="badge">hidden</span>}
          </legend>
          <div className="io-grid">
            <label className="field">
              <span className="field-label">Input</span>
              <textarea rows={3} value={t.input} onChange={(e) => update(i, { input: e.target.value })} aria-label={`Test ${i + 1} input`} />
            </label>
            <label className="field">
              <span className="field-label">Expected output</span>
              <textarea rows={3} value={t.expectedOutput} onChange={(e) => update(i, { expectedOutput: e.target.value })} aria-label={`Test ${i + 1} expected output`} />
            </label>
          </div>
          {errors[`tests.${i}.input`] || errors[`tests.${i}.expectedOutput`] ? (
            <div className="field-error">{errors[`tests.${i}.input`] ?? errors[`tests.${i}.expectedOutput`]}</div>
          ) : null}
          <div className="test-actions">
            <label className="checkbox">
              <input type="checkbox" checked={t.isSample} onChange={(e) => update(i, { isSample: e.target.checked })} /> Sample (shown to students)
            </label>
            <label className="checkbox">
              Weight <input type="number" min={0} max={1000} value={t.weight} style={{ width: 80 }} onChange={(e) => update(i, { weight: Number(e.target.value) })} aria-label={`Test ${i + 1} weight`} />
            </label>
            <span className="toolbar-spacer" />
            <button type="button" className="btn btn-small" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`Move test ${i + 1} up`}>↑</button>
            <button type="button" className="btn btn-small" disabled={i === tests.length - 1} onClick={() => move(i, 1)} aria-label={`Move test ${i + 1} down`}>↓</button>
            <button type="button" className="btn btn-small btn-danger" disabled={tests.length === 1} onClick={() => onChange(tests.filter((_, j) => j !== i))}>Remove</button>
          </div>
        </fieldset>
      ))}
      {errors.tests ? <div className="field-error">{errors.tests}</div> : null}
      <button type="button" className="btn" onClick={() => onChange([...tests, { input: '', expectedOutput: '', isSample: false, weight: 1 }])} data-testid="add-test">
        Add test
      </button>
    </section>
  );
}

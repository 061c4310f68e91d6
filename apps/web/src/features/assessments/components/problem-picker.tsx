import { useState } from 'react';
import type { EditorForm } from './editor-form.js';

type Picked = EditorForm['problems'];

interface Props {
  value: Picked;
  onChange: (next: Picked) => void;
  options: { id: number; title: string; difficulty: string }[];
  disabled: boolean;
  error?: string | undefined;
}

/** The assessment's problems in order, each with its points; add from the catalog, reorder, remove. */
export function ProblemPicker({ value, onChange, options, disabled, error }: Props) {
  const [adding, setAdding] = useState('');
  const chosen = new Set(value.map((p) => p.problemId));
  const add = () => {
    const option = options.find((o) => o.id === Number(adding));
    if (!option) return;
    onChange([...value, { problemId: option.id, title: option.title, points: 100 }]);
    setAdding('');
  };
  const move = (index: number, by: number) => {
    const next = [...value];
    const [item] = next.splice(index, 1);
    if (item) next.splice(index + by, 0, item);
    onChange(next);
  };
  return (
    <fieldset className={`field ${error ? 'field-invalid' : ''}`} disabled={disabled}>
      <legend className="field-label">Problems and points</legend>
      {value.length === 0 ? <p className="muted small">No problems yet: add at least one.</p> : (
        <ol className="picked-problems" data-testid="picked-problems">
          {value.map((p, i) => (
            <li key={p.problemId}>
              <span className="grow">{p.title}</span>
              <label className="inline-field">
                <span className="sr-only">Points for {p.title}</span>
                <input type="number" min={1} max={1000} value={p.points} aria-label={`Points for ${p.title}`}
                  onChange={(e) => onChange(value.map((q) => (q.problemId === p.problemId ? { ...q, points: Number(e.target.value) } : q)))} />
              </label>
              <span className="muted small">points</span>
              <button type="button" className="btn btn-small btn-ghost" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`Move ${p.title} up`}>↑</button>
              <button type="button" className="btn btn-small btn-ghost" disabled={i === value.length - 1} onClick={() => move(i, 1)} aria-label={`Move ${p.title} down`}>↓</button>
              <button type="button" className="btn btn-small btn-danger" onClick={() => onChange(value.filter((q) => q.problemId !== p.problemId))}>Remove</button>
            </li>
          ))}
        </ol>
      )}
      <div className="inline-form">
        <select value={adding} onChange={(e) => setAdding(e.target.value)} aria-label="Problem to add">
          <option value="">Choose a problem…</option>
          {options.filter((o) => !chosen.has(o.id)).map((o) => <option key={o.id} value={o.id}>{o.title} ({o.difficulty})</option>)}
        </select>
        <button type="button" className="btn" onClick={add} disabled={!adding}>Add problem</button>
      </div>
      {error ? <div className="field-error" role="alert">{error}</div> : null}
    </fieldset>
  );
}

import { useState } from 'react';
import { LANGUAGE_IDS, LANGUAGES, type LanguageId, type ProblemStyle } from '@logicode/contracts';
import { CodeEditor } from '../../../components/code-editor/code-editor.js';
import type { LanguageDraft } from './editor-draft.js';

interface Props {
  languages: Record<LanguageId, LanguageDraft>;
  style: ProblemStyle;
  onChange: (id: LanguageId, patch: Partial<LanguageDraft>) => void;
  error?: string | undefined;
}

type Part = 'starterCode' | 'driverCode' | 'solution';

/** Per language: whether it is offered, its starter code, the driver (function style) and the reference solution. */
export function LanguagesEditor({ languages, style, onChange, error }: Props) {
  const enabled = LANGUAGE_IDS.filter((id) => languages[id].enabled);
  const [chosen, setActive] = useState<LanguageId>(enabled[0] ?? 'python');
  // A language switched off while shown hands the view to the first one still offered.
  const active = languages[chosen].enabled ? chosen : (enabled[0] ?? chosen);
  const [part, setPart] = useState<Part>('solution');
  const current = languages[active];
  const parts: { id: Part; label: string }[] = [
    { id: 'solution', label: 'Reference solution' },
    { id: 'starterCode', label: 'Starter code' },
    ...(style === 'function' ? [{ id: 'driverCode' as Part, label: 'Driver' }] : []),
  ];
  const shownPart = parts.some((p) => p.id === part) ? part : 'solution';
  return (
    <section className="card" aria-labelledby="languages-title">
      <h2 id="languages-title">Languages</h2>
      <p className="muted small">
        Saving runs every reference solution against every test; a problem whose solutions fail is refused.
        {style === 'function' ? ' The driver is appended after the student\'s code and calls their function.' : ''}
      </p>
      <div className="language-toggles" role="group" aria-label="Offered languages">
        {LANGUAGE_IDS.map((id) => (
          <label key={id} className="checkbox">
            <input type="checkbox" checked={languages[id].enabled} onChange={(e) => { onChange(id, { enabled: e.target.checked }); if (e.target.checked) setActive(id); }} />
            {LANGUAGES[id].name}
          </label>
        ))}
      </div>
      {error ? <div className="field-error">{error}</div> : null}
      {enabled.length > 0 ? (
        <>
          <div className="tabs">
            {enabled.map((id) => (
              <button key={id} type="button" className={`tab ${active === id ? 'active' : ''}`} onClick={() => setActive(id)} aria-pressed={active === id}>
                {LANGUAGES[id].name}
              </button>
            ))}
            <span className="toolbar-spacer" />
            <select value={shownPart} onChange={(e) => setPart(e.target.value as Part)} aria-label="Which code" style={{ width: 'auto' }}>
              {parts.map((p) => <option key={p.id} value={p.id}>{p.label}</option>)}
            </select>
          </div>
          {current.enabled ? (
            <CodeEditor
              key={`${active}-${shownPart}`}
              value={current[shownPart]}
              language={LANGUAGES[active].monacoId}
              onChange={(value) => onChange(active, { [shownPart]: value })}
              height={300}
              ariaLabel={`${LANGUAGES[active].name} ${parts.find((p) => p.id === shownPart)?.label ?? ''}`}
            />
          ) : null}
        </>
      ) : null}
    </section>
  );
}

import { LANGUAGES, type LanguageId } from '@logicode/contracts';

interface Props {
  languages: LanguageId[];
  language: LanguageId;
  onLanguage: (language: LanguageId) => void;
  onReset: () => void;
  onRun: () => void;
  onSubmit: () => void;
  busy: boolean;
  disabled: boolean;
  savedAt: number | null;
  signedIn: boolean;
}

export function EditorToolbar(props: Props) {
  return (
    <div className="editor-toolbar" role="toolbar" aria-label="Editor actions">
      <label className="inline-field">
        <span className="sr-only">Language</span>
        <select value={props.language} onChange={(e) => props.onLanguage(e.target.value as LanguageId)} aria-label="Language" data-testid="language-select">
          {props.languages.map((id) => (
            <option key={id} value={id}>{LANGUAGES[id].name}</option>
          ))}
        </select>
      </label>
      <button type="button" className="btn btn-ghost btn-small" onClick={props.onReset} title="Replace the code with the starter code">
        Reset
      </button>
      <span className="muted small draft-state" aria-live="polite">{props.savedAt ? 'Draft saved' : ''}</span>
      <span className="toolbar-spacer" />
      {props.signedIn ? (
        <>
          <button type="button" className="btn" onClick={props.onRun} disabled={props.busy || props.disabled} title="Ctrl+Enter" data-testid="run-button">
            Run
          </button>
          <button type="button" className="btn btn-primary" onClick={props.onSubmit} disabled={props.busy || props.disabled} title="Ctrl+Shift+Enter" data-testid="submit-button">
            Submit
          </button>
        </>
      ) : (
        <span className="muted small">Sign in to run and submit.</span>
      )}
    </div>
  );
}

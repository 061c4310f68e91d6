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
  /** Last save to the server (drafts follow a signed-in student to other devices). */
  syncedAt?: number | null;
  signedIn: boolean;
  /** A running timed problem: submit the code and stop the clock now. */
  onFinish?: (() => void) | undefined;
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
      <button type="button" className="btn btn-ghost btn-small" onClick={props.onReset} title="Replace the code with the starter code (asks first)" data-testid="reset-button">
        Reset
      </button>
      <span className="muted small draft-state" aria-live="polite">{props.syncedAt ? 'Draft saved to your account' : props.savedAt ? 'Draft saved' : ''}</span>
      <span className="toolbar-spacer" />
      {props.signedIn ? (
        <>
          <button type="button" className="btn" onClick={props.onRun} disabled={props.busy || props.disabled}
            title="Run on the examples (Ctrl+Enter or ⌘+Enter, also in the editor)" aria-keyshortcuts="Control+Enter Meta+Enter" data-testid="run-button">
            Run
          </button>
          <button type="button" className="btn btn-primary" onClick={props.onSubmit} disabled={props.busy || props.disabled}
            title="Submit for every test (Ctrl+Shift+Enter or ⌘+Shift+Enter, also in the editor)" aria-keyshortcuts="Control+Shift+Enter Meta+Shift+Enter" data-testid="submit-button">
            Submit
          </button>
          {props.onFinish ? (
            <button type="button" className="btn btn-ghost" onClick={props.onFinish} disabled={props.busy || props.disabled}
              title="Submit this code for every test and end the timed attempt now (asks first)" data-testid="finish-button">
              Finish now
            </button>
          ) : null}
        </>
      ) : (
        <span className="muted small">Sign in to run and submit.</span>
      )}
    </div>
  );
}

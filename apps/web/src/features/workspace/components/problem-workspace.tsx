import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { LANGUAGES, type LanguageId, type ProblemDetail, type Submission, type SubmissionMode } from '@logicode/contracts';
import { CodeEditor } from '../../../components/code-editor/code-editor.js';
import { ErrorBoundary } from '../../../components/ui/error-boundary.js';
import { Notice } from '../../../components/ui/status.js';
import { useUser } from '../../../lib/auth.js';
import { useCreateSubmission, useInvalidateAfterVerdict, type SubmitFn } from '../api/submissions.js';
import { savedLanguage, useDraft } from '../hooks/use-draft.js';
import { submitErrorMessage, useLiveSubmission } from '../hooks/use-live-submission.js';
import { EditorToolbar } from './editor-toolbar.js';
import { ResultPanel } from './result-panel.js';
import { StatementPanel } from './statement-panel.js';
import { SubmissionHistory } from './submission-history.js';

export interface WorkspaceProps {
  problem: ProblemDetail;
  /** A proctored attempt: submissions carry its id. */
  attemptId?: number | null;
  /** No more runs or submits (the attempt's deadline passed). */
  locked?: boolean;
  /** Shown above the editor: the countdown and proctoring badge of a timed attempt. */
  banner?: ReactNode;
  onCodeChange?: (code: string, language: LanguageId) => void;
  onSubmitted?: (submission: Submission) => void;
  /** Where Run and Submit go; default POST /api/submissions (an assessment has its own route). */
  submit?: SubmitFn;
  /** Keeps these drafts apart from the same problem's practice drafts (e.g. `assessment-7`). */
  draftScope?: string;
}

function firstLanguage(problem: ProblemDetail): LanguageId {
  const saved = savedLanguage(problem.id);
  const available = problem.starterCode.map((s) => s.language);
  return (available.find((l) => l === saved) ?? available[0] ?? problem.languages[0] ?? 'python') as LanguageId;
}

/** The problem page: statement and history on the left; editor, actions and live results on the right. */
export function ProblemWorkspace({ problem, attemptId = null, locked = false, banner, onCodeChange, onSubmitted, submit, draftScope }: WorkspaceProps) {
  const user = useUser();
  const [language, setLanguage] = useState<LanguageId>(() => firstLanguage(problem));
  const starter = useMemo(() => problem.starterCode.find((s) => s.language === language)?.starterCode ?? '', [problem, language]);
  const draft = useDraft({ problemId: problem.id, language, starterCode: starter, ...(draftScope ? { scope: draftScope } : {}) });
  const [leftTab, setLeftTab] = useState<'statement' | 'history'>('statement');
  const [bottomTab, setBottomTab] = useState<'result' | 'input'>('result');
  const [customInput, setCustomInput] = useState('');
  const [useCustom, setUseCustom] = useState(false);
  const create = useCreateSubmission(submit);
  const invalidate = useInvalidateAfterVerdict();
  const onDone = useCallback(
    (submission: Submission) => {
      invalidate(problem.id);
      onSubmitted?.(submission);
    },
    [invalidate, onSubmitted, problem.id],
  );
  const { live, track, connected } = useLiveSubmission(onDone);
  const busy = create.isPending || (live !== null && !live.final && !live.error);

  const send = useCallback(
    (mode: SubmissionMode) => {
      if (busy || locked) return;
      setBottomTab('result');
      create.mutate(
        { problemId: problem.id, language, code: draft.code, mode, customInput: mode === 'run' && useCustom ? customInput : null, attemptId },
        { onSuccess: (res) => track(res.id) },
      );
    },
    [busy, locked, create, problem.id, language, draft.code, useCustom, customInput, attemptId, track],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.key !== 'Enter') return;
      e.preventDefault();
      send(e.shiftKey ? 'submit' : 'run');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [send]);

  // The proctor's first snapshot is the code the student starts from (a draft or the starter code).
  const draftCode = draft.code;
  const codeRef = useRef(draftCode);
  codeRef.current = draftCode;
  useEffect(() => {
    onCodeChange?.(codeRef.current, language);
  }, [language, onCodeChange]);

  const onChange = (code: string) => {
    draft.setCode(code);
    onCodeChange?.(code, language);
  };

  return (
    <div className="workspace">
      <section className="pane pane-left" aria-label="Problem">
        <div className="tabs" role="tablist">
          <button type="button" role="tab" aria-selected={leftTab === 'statement'} className={`tab ${leftTab === 'statement' ? 'active' : ''}`} onClick={() => setLeftTab('statement')}>
            Description
          </button>
          {user.data ? (
            <button type="button" role="tab" aria-selected={leftTab === 'history'} className={`tab ${leftTab === 'history' ? 'active' : ''}`} onClick={() => setLeftTab('history')}>
              Submissions
            </button>
          ) : null}
        </div>
        <div className="pane-body" role="tabpanel">
          {leftTab === 'statement' ? <StatementPanel problem={problem} /> : <SubmissionHistory problemId={problem.id} />}
        </div>
      </section>
      <section className="pane pane-right" aria-label="Code">
        {banner}
        <EditorToolbar
          languages={problem.starterCode.map((s) => s.language)}
          language={language}
          onLanguage={setLanguage}
          onReset={draft.reset}
          onRun={() => send('run')}
          onSubmit={() => send('submit')}
          busy={busy}
          disabled={locked}
          savedAt={draft.savedAt}
          signedIn={Boolean(user.data)}
        />
        <div className="editor-area">
          <ErrorBoundary area="editor">
            <CodeEditor value={draft.code} language={LANGUAGES[language].monacoId} onChange={onChange} readOnly={locked} ariaLabel={`${LANGUAGES[language].name} code editor`} />
          </ErrorBoundary>
        </div>
        <div className="bottom-panel">
          <div className="tabs" role="tablist">
            <button type="button" role="tab" aria-selected={bottomTab === 'result'} className={`tab ${bottomTab === 'result' ? 'active' : ''}`} onClick={() => setBottomTab('result')}>
              Result
            </button>
            <button type="button" role="tab" aria-selected={bottomTab === 'input'} className={`tab ${bottomTab === 'input' ? 'active' : ''}`} onClick={() => setBottomTab('input')}>
              Custom input
            </button>
            {!connected && busy ? <span className="muted small live-note">Live updates unavailable; checking every second.</span> : null}
          </div>
          <div className="bottom-body" role="tabpanel">
            {create.error ? <Notice kind="error">{submitErrorMessage(create.error)}</Notice> : null}
            {bottomTab === 'result' ? (
              <ResultPanel live={live} />
            ) : (
              <div className="custom-input">
                <label className="checkbox">
                  <input type="checkbox" checked={useCustom} onChange={(e) => setUseCustom(e.target.checked)} /> Also run on this input when I press Run
                </label>
                <textarea value={customInput} onChange={(e) => { setCustomInput(e.target.value); setUseCustom(true); }}
                  aria-label="Custom input" placeholder="Type the input your program will read from stdin" rows={6} />
              </div>
            )}
          </div>
        </div>
      </section>
    </div>
  );
}

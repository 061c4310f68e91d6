import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { LANGUAGES, type LanguageId, type ProblemDetail, type Submission, type SubmissionMode } from '@logicode/contracts';
import { CodeEditor, type CodeEditorHandle } from '../../../components/code-editor/code-editor.js';
import { useConfirm } from '../../../components/ui/confirm-dialog.js';
import { ErrorBoundary } from '../../../components/ui/error-boundary.js';
import { Notice } from '../../../components/ui/status.js';
import { useUser } from '../../../lib/auth.js';
import { useCreateSubmission, useInvalidateAfterVerdict, type SubmitFn } from '../api/submissions.js';
import { savedLanguage, useDraft } from '../hooks/use-draft.js';
import { submitErrorMessage, useLiveSubmission } from '../hooks/use-live-submission.js';
import { useSplit } from '../hooks/use-split.js';
import { parseDiagnostics } from '../lib/compile-diagnostics.js';
import { EditorToolbar } from './editor-toolbar.js';
import { PaneSeparator } from './pane-separator.js';
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
  /** A running timed problem: after a Submit of the current code, ends the attempt ("Finish now"). */
  onFinish?: (() => Promise<void>) | null;
}

function firstLanguage(problem: ProblemDetail): LanguageId {
  const saved = savedLanguage(problem.id);
  const available = problem.starterCode.map((s) => s.language);
  return (available.find((l) => l === saved) ?? available[0] ?? problem.languages[0] ?? 'python') as LanguageId;
}

/** The problem page: statement and history on the left; editor, actions and live results on the right. */
export function ProblemWorkspace({ problem, attemptId = null, locked = false, banner, onCodeChange, onSubmitted, submit, draftScope, onFinish = null }: WorkspaceProps) {
  const user = useUser();
  const [language, setLanguage] = useState<LanguageId>(() => firstLanguage(problem));
  const starter = useMemo(() => problem.starterCode.find((s) => s.language === language)?.starterCode ?? '', [problem, language]);
  const draft = useDraft({ problemId: problem.id, language, starterCode: starter, userId: user.data?.id ?? null, ...(draftScope ? { scope: draftScope } : {}) });
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
  const [emptyCode, setEmptyCode] = useState(false);
  // The code and language each Run/Submit sent, so compiler messages land on the lines they were about.
  const sentRef = useRef(new Map<number, { code: string; language: LanguageId }>());
  const editorRef = useRef<CodeEditorHandle | null>(null);
  const split = useSplit();
  const { confirm, dialog } = useConfirm();

  const send = useCallback(
    (mode: SubmissionMode) => {
      if (busy || locked) return;
      setBottomTab('result');
      // The server would answer with a field error; say what to do instead.
      if (draft.code.trim() === '') {
        setEmptyCode(true);
        return;
      }
      setEmptyCode(false);
      const sent = { code: draft.code, language };
      create.mutate(
        { problemId: problem.id, language, code: draft.code, mode, customInput: mode === 'run' && useCustom ? customInput : null, attemptId },
        { onSuccess: (res) => { sentRef.current.set(res.id, sent); track(res.id); } },
      );
    },
    [busy, locked, create, problem.id, language, draft.code, useCustom, customInput, attemptId, track],
  );

  const final = live?.final ?? null;
  const markers = useMemo(() => {
    if (!final || final.verdict !== 'CE' || !final.compileOutput) return [];
    const sent = sentRef.current.get(final.id) ?? { code: draft.code, language: final.language };
    // Markers belong on the editor only while it shows that language.
    return sent.language === language ? parseDiagnostics(final.compileOutput, sent.language, sent.code) : [];
  // Placed once per verdict, not re-placed on every keystroke (draft.code is read, not a dependency).
  }, [final, language]);

  const onReset = useCallback(async () => {
    const ok = await confirm({
      title: 'Reset the code?',
      body: `Your ${LANGUAGES[language].name} code for this problem is replaced by the starter code, here and in your saved draft.`,
      confirmLabel: 'Reset code',
      tone: 'danger',
    });
    if (ok) draft.reset();
  }, [confirm, draft, language]);

  const [finishError, setFinishError] = useState<unknown>(null);
  const finishNow = useCallback(async () => {
    if (!onFinish || busy || locked) return;
    if (draft.code.trim() === '') {
      setBottomTab('result');
      setEmptyCode(true);
      return;
    }
    const ok = await confirm({
      title: 'Finish now?',
      body: 'Your current code is submitted for every test and the clock stops. You cannot run or submit this problem again.',
      confirmLabel: 'Submit and finish',
    });
    if (!ok) return;
    setBottomTab('result');
    setFinishError(null);
    try {
      // Submit first, through the usual route and its attempt check; the attempt ends only once that was taken.
      const res = await create.mutateAsync({ problemId: problem.id, language, code: draft.code, mode: 'submit', customInput: null, attemptId });
      track(res.id);
      await onFinish();
    } catch (error) {
      setFinishError(error);
    }
  }, [onFinish, busy, locked, draft.code, confirm, create, problem.id, language, attemptId, track]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Inside Monaco its own commands ran (code-editor-impl.tsx) and marked the event handled.
      if (e.defaultPrevented || !(e.ctrlKey || e.metaKey) || e.key !== 'Enter') return;
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
    if (emptyCode && code.trim() !== '') setEmptyCode(false);
    onCodeChange?.(code, language);
  };

  return (
    <div className="workspace resizable" style={{ '--split': `${split.percent}%` } as React.CSSProperties}>
      {dialog}
      <section className="pane pane-left" aria-label="Problem" id="workspace-problem-pane">
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
        {/* Focusable: the statement scrolls on its own, and a keyboard user must be able to scroll it. */}
        <div className="pane-body" role="tabpanel" tabIndex={0} aria-label="Problem">
          {leftTab === 'statement' ? <StatementPanel problem={problem} /> : <SubmissionHistory problemId={problem.id} />}
        </div>
      </section>
      <PaneSeparator percent={split.percent} onChange={split.setPercent} />
      <section className="pane pane-right" aria-label="Code">
        {banner}
        <EditorToolbar
          languages={problem.starterCode.map((s) => s.language)}
          language={language}
          onLanguage={setLanguage}
          onReset={() => void onReset()}
          onRun={() => send('run')}
          onSubmit={() => send('submit')}
          busy={busy}
          disabled={locked}
          savedAt={draft.savedAt}
          syncedAt={draft.syncedAt}
          signedIn={Boolean(user.data)}
          onFinish={onFinish ? () => void finishNow() : undefined}
        />
        {draft.note ? (
          <div className="notice notice-info draft-note" role="status" data-testid="draft-note">
            {draft.note.text}
            {draft.note.kept !== null ? (
              <button type="button" className="btn btn-small" onClick={draft.restoreKept}>Use this device&apos;s version</button>
            ) : null}
            <button type="button" className="btn btn-ghost btn-small" onClick={draft.dismissNote}>Dismiss</button>
          </div>
        ) : null}
        <div className="editor-area">
          <ErrorBoundary area="editor">
            <CodeEditor value={draft.code} language={LANGUAGES[language].monacoId} onChange={onChange} readOnly={locked}
              ariaLabel={`${LANGUAGES[language].name} code editor`} onRun={() => send('run')} onSubmit={() => send('submit')}
              markers={markers} onReady={(handle) => { editorRef.current = handle; }} />
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
            {emptyCode ? <Notice kind="error"><span data-testid="empty-code">Write some code first.</span></Notice> : null}
            {create.error && !emptyCode ? <Notice kind="error">{submitErrorMessage(create.error)}</Notice> : null}
            {finishError && !create.error ? <Notice kind="error">The attempt could not be finished: {submitErrorMessage(finishError)}</Notice> : null}
            {bottomTab === 'result' ? (
              <ResultPanel live={live} diagnostics={markers} onJumpToLine={(line, column) => editorRef.current?.goTo(line, column)} />
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

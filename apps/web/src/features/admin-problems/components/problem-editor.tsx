import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useBlocker, useLocation, useNavigate } from 'react-router';
import { DIFFICULTIES, LANGUAGES, LANGUAGE_IDS, type Checker, type LanguageId, type ProblemFields } from '@logicode/contracts';
import { paths } from '../../../config/paths.js';
import { ApiError } from '../../../lib/api-client.js';
import { titleCase } from '../../../lib/format.js';
import { Markdown } from '../../../components/markdown.js';
import { SelectField, TextAreaField, TextField } from '../../../components/ui/field.js';
import { ErrorState, Notice, Spinner } from '../../../components/ui/status.js';
import { CodeEditor } from '../../../components/code-editor/code-editor.js';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.js';
import { exportProblem, useAdminProblem, useCategorySuggestions, useSaveProblem } from '../api/admin-problems.js';
import { defaultChecker, describeServerErrors, draftFromAdmin, draftToBody, emptyDraft, slugify, type EditorDraft, type LanguageDraft } from './editor-draft.js';
import { LanguagesEditor } from './languages-editor.js';
import { TestsEditor } from './tests-editor.js';
import { downloadJson } from './download.js';

function CheckerEditor({ checker, onChange }: { checker: Checker; onChange: (c: Checker) => void }) {
  return (
    <div>
      <SelectField label="Checker" value={checker.kind} onChange={(e) => onChange(defaultChecker(e.target.value as Checker['kind']))}
        hint="How output is compared with the expected output.">
        <option value="exact">Exact (ignores trailing whitespace)</option>
        <option value="tokens">Tokens (any whitespace)</option>
        <option value="float">Numbers with tolerance</option>
        <option value="default">Package default validator (flags)</option>
        <option value="custom">Output validator program</option>
        <option value="interactive">Interactive (validator is the interactor)</option>
      </SelectField>
      {checker.kind === 'float' ? (
        <div className="grid-2">
          <TextField label="Absolute tolerance" type="number" step="any" value={checker.absTolerance} onChange={(e) => onChange({ ...checker, absTolerance: Number(e.target.value) })} />
          <TextField label="Relative tolerance" type="number" step="any" value={checker.relTolerance} onChange={(e) => onChange({ ...checker, relTolerance: Number(e.target.value) })} />
        </div>
      ) : null}
      {checker.kind === 'default' ? (
        <div className="grid-2">
          <label><input type="checkbox" checked={checker.caseSensitive} onChange={(e) => onChange({ ...checker, caseSensitive: e.target.checked })} /> case_sensitive</label>
          <label><input type="checkbox" checked={checker.spaceChangeSensitive} onChange={(e) => onChange({ ...checker, spaceChangeSensitive: e.target.checked })} /> space_change_sensitive</label>
          <TextField label="float_absolute_tolerance" type="number" step="any" value={checker.floatAbsoluteTolerance ?? ''} onChange={(e) => onChange({ ...checker, floatAbsoluteTolerance: e.target.value === '' ? null : Number(e.target.value) })} />
          <TextField label="float_relative_tolerance" type="number" step="any" value={checker.floatRelativeTolerance ?? ''} onChange={(e) => onChange({ ...checker, floatRelativeTolerance: e.target.value === '' ? null : Number(e.target.value) })} />
        </div>
      ) : null}
      {checker.kind === 'custom' || checker.kind === 'interactive' ? (
        <>
          <SelectField label="Checker language" value={checker.language} onChange={(e) => onChange({ ...checker, language: e.target.value as LanguageId })}>
            {LANGUAGE_IDS.map((id) => <option key={id} value={id}>{LANGUAGES[id].name}</option>)}
          </SelectField>
          <p className="muted small">
            {checker.kind === 'custom' && checker.protocol === 'legacy'
              ? <>Legacy checker: argv <code>input expected actual</code>; exit 0 accepts, 1 rejects; stdout is the message shown.</>
              : <>Package interface: <code>validator input judge_answer feedback_dir [flags]</code>, {checker.kind === 'interactive' ? 'talking to the program over stdin/stdout' : "the program's output on stdin"}; exit 42 accepts, 43 rejects; <code>judgemessage.txt</code> is shown to authors.</>}
          </p>
          <CodeEditor value={checker.source} language={LANGUAGES[checker.language].monacoId} onChange={(source) => onChange({ ...checker, source })} height={220} ariaLabel="Custom checker source" />
        </>
      ) : null}
    </div>
  );
}

/** Enabled languages without a reference solution: saved, but nothing checked that their tests can be passed. */
function unchecked(draft: EditorDraft): string[] {
  return LANGUAGE_IDS.filter((l) => draft.languages[l].enabled && !draft.languages[l].solution.trim()).map((l) => LANGUAGES[l].name);
}

function SavedNotice({ draft }: { draft: EditorDraft }) {
  const missing = unchecked(draft);
  const checked = LANGUAGE_IDS.filter((l) => draft.languages[l].enabled && draft.languages[l].solution.trim()).map((l) => LANGUAGES[l].name);
  return (
    <Notice kind={missing.length ? 'warning' : 'success'}>
      <span data-testid="save-result">
        Saved.{' '}
        {checked.length ? `The reference solution${checked.length === 1 ? '' : 's'} (${checked.join(', ')}) passed every test.` : 'No language has a reference solution, so no test was checked.'}
        {missing.length ? ` No reference solution for ${missing.join(', ')}: nothing checked that ${missing.length === 1 ? 'its' : 'their'} tests can be passed.` : ''}
      </span>
    </Notice>
  );
}

/**
 * Asks before leaving the editor with unsaved changes: in-app links (React Router's blocker, with the styled
 * dialog) and closing or reloading the tab (`beforeunload`, whose wording the browser decides).
 */
function useUnsavedGuard(dirty: boolean) {
  const leaving = useRef(false);
  // A save lets the navigation that follows it through; the next edit arms the guard again.
  useEffect(() => {
    if (dirty) leaving.current = false;
  }, [dirty]);
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && !leaving.current && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (!dirty) return undefined;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = ''; // Chromium still wants it set
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);
  const dialog = (
    <ConfirmDialog open={blocker.state === 'blocked'} title="Leave without saving?" body="Your changes to this problem are not saved and will be lost."
      confirmLabel="Leave without saving" cancelLabel="Stay and keep editing" tone="danger"
      onConfirm={() => blocker.proceed?.()} onCancel={() => blocker.reset?.()} />
  );
  /** Lets the next navigation through (after a save). */
  const allowLeave = () => { leaving.current = true; };
  return { dialog, allowLeave };
}

function EditorForm({ id, initial }: { id: number | null; initial: EditorDraft }) {
  const [draft, setDraft] = useState(initial);
  const [baseline, setBaseline] = useState(initial);
  const dirty = JSON.stringify(draft) !== JSON.stringify(baseline);
  const guard = useUnsavedGuard(dirty);
  const categories = useCategorySuggestions();
  const [preview, setPreview] = useState(false);
  const [slugTouched, setSlugTouched] = useState(id !== null);
  const save = useSaveProblem();
  const navigate = useNavigate();
  // A new problem's page is remounted at its own address after the first save: carry the success over.
  const justCreated = (useLocation().state as { created?: boolean } | null)?.created === true;
  const errors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  const fieldError = (name: string) => errors[`problem.${name}`] ?? errors[name];
  const serverLines = describeServerErrors(save.error);

  const setField = <K extends keyof ProblemFields>(key: K, value: ProblemFields[K]) => setDraft((d) => ({ ...d, fields: { ...d.fields, [key]: value } }));
  const setLanguage = (lang: LanguageId, patch: Partial<LanguageDraft>) =>
    setDraft((d) => ({ ...d, languages: { ...d.languages, [lang]: { ...d.languages[lang], ...patch } } }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ id, body: draftToBody(draft) }, {
      onSuccess: (saved) => {
        const fresh = draftFromAdmin(saved);
        setDraft(fresh);
        setBaseline(fresh);
        guard.allowLeave();
        if (id === null) void navigate(paths.adminProblem(saved.id), { replace: true, state: { created: true } });
      },
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate className="problem-editor" data-testid="problem-editor">
      <div className="page-header">
        <h1>{id === null ? 'New problem' : `Edit: ${initial.fields.title}`}</h1>
        <div className="page-actions">
          {id !== null ? <Link className="btn" to={paths.problem(id)}>View as student</Link> : null}
          {id !== null ? <button type="button" className="btn" onClick={() => void exportProblem(id).then((pkg) => downloadJson(`${draft.fields.slug}.logicode.json`, pkg))}>Export JSON</button> : null}
          <button type="submit" className="btn btn-primary" disabled={save.isPending} data-testid="save-problem">
            {save.isPending ? 'Validating and saving…' : 'Save problem'}
          </button>
        </div>
      </div>
      {save.isPending ? <Notice>Running the reference solutions against every test. This can take a few seconds.</Notice> : null}
      {(save.isSuccess || (justCreated && save.isIdle)) && !save.isPending && !dirty ? <SavedNotice draft={draft} /> : null}
      {dirty ? <p className="muted small" data-testid="unsaved">Unsaved changes.</p> : null}
      {guard.dialog}
      {save.error ? (
        <div className="notice notice-error" role="alert" data-testid="save-error">
          <strong>Not saved. {save.error.message}</strong>
          {serverLines.length > 0 ? <ul>{serverLines.map((line, i) => <li key={i}>{line}</li>)}</ul> : null}
        </div>
      ) : null}
      <section className="card">
        <div className="grid-2">
          <TextField label="Title" required value={draft.fields.title} error={fieldError('title')}
            onChange={(e) => { setField('title', e.target.value); if (!slugTouched) setField('slug', slugify(e.target.value)); }} />
          <TextField label="Slug" required value={draft.fields.slug} error={fieldError('slug')} hint="Lower-case words with dashes; part of the problem's address."
            onChange={(e) => { setSlugTouched(true); setField('slug', e.target.value); }} />
          <TextField label="Category" required value={draft.fields.category} error={fieldError('category')} list="category-suggestions"
            hint="Pick one in use or type a new one: lower-case words with dashes, e.g. bit-manipulation."
            onChange={(e) => setField('category', e.target.value.toLowerCase())} />
          <datalist id="category-suggestions">
            {(categories.data ?? []).map((c) => <option key={c} value={c}>{titleCase(c)}</option>)}
          </datalist>
          <SelectField label="Difficulty" value={draft.fields.difficulty} onChange={(e) => setField('difficulty', e.target.value as ProblemFields['difficulty'])}>
            {DIFFICULTIES.map((d) => <option key={d} value={d}>{titleCase(d)}</option>)}
          </SelectField>
          <TextField label="Tags" value={draft.fields.tags.join(', ')} error={fieldError('tags')} hint="Comma-separated, e.g. two-pointers, prefix-sums"
            onChange={(e) => setField('tags', e.target.value.split(',').map((t) => t.trim()).filter(Boolean))} />
          <SelectField label="Style" value={draft.fields.style} onChange={(e) => setField('style', e.target.value as ProblemFields['style'])}
            hint={draft.fields.style === 'function' ? 'Students write a function; a per-language driver reads input and calls it.' : 'Programs read stdin and write stdout.'}>
            <option value="stdio">Standard input and output</option>
            <option value="function">Function with a driver</option>
          </SelectField>
        </div>
        <div className="statement-editor">
          <div className="page-header">
            <span className="field-label">Statement (Markdown)</span>
            <button type="button" className="btn btn-small" onClick={() => setPreview(!preview)} aria-pressed={preview}>{preview ? 'Edit' : 'Preview'}</button>
          </div>
          {preview ? <div className="card"><Markdown source={draft.fields.statement || '*Nothing yet.*'} /></div> : (
            <TextAreaField label="Statement" rows={12} value={draft.fields.statement} error={fieldError('statement')} onChange={(e) => setField('statement', e.target.value)} />
          )}
        </div>
      </section>
      <section className="card">
        <h2>Limits and judging</h2>
        <div className="grid-2">
          <TextField label="Time limit (ms)" type="number" min={100} max={20000} value={draft.fields.timeLimitMs} error={fieldError('timeLimitMs')}
            onChange={(e) => setField('timeLimitMs', Number(e.target.value))} />
          <TextField label="Memory limit (MB)" type="number" min={16} max={1024} value={Math.round(draft.fields.memoryLimitKb / 1024)} error={fieldError('memoryLimitKb')}
            onChange={(e) => setField('memoryLimitKb', Number(e.target.value) * 1024)} />
          <TextField label="Timed attempt (minutes, empty for untimed)" type="number" min={1} value={draft.fields.timedDurationSec === null ? '' : draft.fields.timedDurationSec / 60}
            hint="Timed: proctored, consent first. Untimed: practice, not recorded unless turned on in Teacher → Settings → Per-problem rules."
            error={fieldError('timedDurationSec')} onChange={(e) => setField('timedDurationSec', e.target.value === '' ? null : Math.round(Number(e.target.value) * 60))} />
          <label className="checkbox"><input type="checkbox" checked={draft.fields.isPublished} onChange={(e) => setField('isPublished', e.target.checked)} /> Published (visible to students)</label>
        </div>
        <CheckerEditor checker={draft.fields.checker} onChange={(c) => setField('checker', c)} />
      </section>
      <LanguagesEditor languages={draft.languages} style={draft.fields.style} onChange={setLanguage} error={errors.languages ?? errors.solutions} />
      <TestsEditor tests={draft.tests} onChange={(tests) => setDraft((d) => ({ ...d, tests }))} errors={errors} />
    </form>
  );
}

export function ProblemEditor({ id }: { id: number | null }) {
  const problem = useAdminProblem(id);
  const [initial, setInitial] = useState<EditorDraft | null>(id === null ? emptyDraft() : null);
  useEffect(() => {
    if (problem.data) setInitial(draftFromAdmin(problem.data));
  }, [problem.data]);
  if (id !== null && problem.isPending) return <Spinner label="Loading the problem…" />;
  if (problem.isError) return <ErrorState error={problem.error} onRetry={() => void problem.refetch()} />;
  if (!initial) return <Spinner />;
  return <EditorForm key={id ?? 'new'} id={id} initial={initial} />;
}

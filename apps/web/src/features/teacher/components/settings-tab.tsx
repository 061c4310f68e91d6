import { useEffect, useState } from 'react';
import { BREACH_ACTIONS, type ProctorSettings } from '@logicode/contracts';
import { ErrorState, Notice, Spinner } from '../../../components/ui/status.js';
import { useGlobalSettings, useProblemOptions, useProblemSettings, useSaveGlobalSettings, useSaveProblemSettings } from '../api/teacher-api.js';

interface FormProps {
  value: ProctorSettings;
  onSave: (s: ProctorSettings) => void;
  saving: boolean;
  saveLabel: string;
  /** What the "on" box means here: proctoring exams, or recording one practice problem. */
  enabledLabel?: string;
}

function SettingsForm({ value, onSave, saving, saveLabel, enabledLabel = 'Proctoring on' }: FormProps) {
  const [s, setS] = useState(value);
  useEffect(() => setS(value), [value]);
  const num = (key: 'allowedTabSwitches' | 'largePasteChars') => (e: { target: { value: string } }) => setS({ ...s, [key]: Number(e.target.value) });
  return (
    <form className="settings-form" onSubmit={(e) => { e.preventDefault(); onSave(s); }}>
      <label className="checkbox"><input type="checkbox" checked={s.enabled} onChange={(e) => setS({ ...s, enabled: e.target.checked })} data-testid="settings-enabled" /> {enabledLabel}</label>
      <div className="grid-2">
        <label className="field"><span className="field-label">Tab switches allowed before a flag</span>
          <input type="number" min={0} value={s.allowedTabSwitches} onChange={num('allowedTabSwitches')} /></label>
        <label className="field"><span className="field-label">A paste of at least this many characters is large</span>
          <input type="number" min={1} value={s.largePasteChars} onChange={num('largePasteChars')} /></label>
        <label className="field"><span className="field-label">Idle limit (seconds, empty for none)</span>
          <input type="number" min={10} value={s.idleLimitSec ?? ''} onChange={(e) => setS({ ...s, idleLimitSec: e.target.value === '' ? null : Number(e.target.value) })} /></label>
        <label className="field"><span className="field-label">On a breach</span>
          <select value={s.actionOnBreach} onChange={(e) => setS({ ...s, actionOnBreach: e.target.value as ProctorSettings['actionOnBreach'] })}>
            {BREACH_ACTIONS.map((a) => <option key={a} value={a}>{a === 'flag' ? 'Flag for teachers only' : a === 'warn' ? 'Flag and warn the student' : 'Flag and end the attempt'}</option>)}
          </select></label>
      </div>
      <label className="checkbox"><input type="checkbox" checked={s.fullscreenRequired} onChange={(e) => setS({ ...s, fullscreenRequired: e.target.checked })} /> Leaving fullscreen is a breach</label>
      <div><button type="submit" className="btn btn-primary" disabled={saving}>{saving ? 'Saving…' : saveLabel}</button></div>
    </form>
  );
}

/** Practice and exams apart (docs/proctoring.md): what this problem's students are under, in words. */
function problemSummary(practice: boolean, own: boolean, recorded: boolean): string {
  if (!practice) return own ? 'A timed problem: proctored under its own rules.' : 'A timed problem: proctored under the global rules.';
  const base = recorded
    ? 'Practice (untimed): recorded, because you or an admin turned it on. Practice is observed only: no flags, no integrity lost.'
    : 'Practice (untimed): not recorded. Students read and solve it without a consent notice.';
  return `${base} In an assessment it follows the assessment's rules.`;
}

function ProblemSettings() {
  const problems = useProblemOptions();
  const [problemId, setProblemId] = useState<number | null>(null);
  const view = useProblemSettings(problemId);
  const save = useSaveProblemSettings();
  return (
    <section className="card">
      <h2>Per-problem rules</h2>
      <label className="field"><span className="field-label">Problem</span>
        <select value={problemId ?? ''} onChange={(e) => setProblemId(e.target.value ? Number(e.target.value) : null)}>
          <option value="">Choose a problem…</option>
          {(problems.data ?? []).map((p) => <option key={p.id} value={p.id}>{p.title}</option>)}
        </select></label>
      {problemId !== null && view.isPending ? <Spinner /> : null}
      {view.isError ? <ErrorState error={view.error} /> : null}
      {save.error ? <Notice kind="error">{save.error.message}</Notice> : null}
      {view.data && problemId !== null ? (
        <>
          <p className="muted small" data-testid="problem-proctoring-summary">{problemSummary(view.data.practice, view.data.override !== null, view.data.effective.enabled)}</p>
          <SettingsForm value={view.data.effective} saving={save.isPending} saveLabel="Save rules for this problem"
            enabledLabel={view.data.practice ? 'Record students practising this problem' : 'Proctoring on'}
            onSave={(override) => save.mutate({ problemId, override })} />
          {view.data.override ? (
            <button type="button" className="btn btn-ghost" onClick={() => save.mutate({ problemId, override: null })}>
              {view.data.practice ? 'Back to the default: practice not recorded' : 'Follow the global rules again'}
            </button>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

export function SettingsTab({ canEditGlobal }: { canEditGlobal: boolean }) {
  const global = useGlobalSettings();
  const saveGlobal = useSaveGlobalSettings();
  return (
    <>
      <section className="card">
        <h2>Global rules (exams)</h2>
        <p className="muted small">For timed problems and assessments without rules of their own. Untimed practice problems are not recorded unless a problem turns it on below.</p>
        {global.isPending ? <Spinner /> : global.isError ? <ErrorState error={global.error} /> : canEditGlobal ? (
          <>
            {saveGlobal.error ? <Notice kind="error">{saveGlobal.error.message}</Notice> : null}
            {saveGlobal.isSuccess ? <Notice kind="success">Saved.</Notice> : null}
            <SettingsForm value={global.data} saving={saveGlobal.isPending} saveLabel="Save global rules" onSave={(s) => saveGlobal.mutate(s)} />
          </>
        ) : (
          <p className="muted">Proctoring {global.data.enabled ? 'on' : 'off'}; {global.data.allowedTabSwitches} tab switches allowed; large paste from {global.data.largePasteChars} characters; on a breach: {global.data.actionOnBreach}. Only admins change the global rules.</p>
        )}
      </section>
      <ProblemSettings />
    </>
  );
}

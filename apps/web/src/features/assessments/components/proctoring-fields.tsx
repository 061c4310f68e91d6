import { BREACH_ACTIONS, DEFAULT_PROCTOR_SETTINGS, type ProctorSettings } from '@logicode/contracts';

interface Props {
  value: ProctorSettings | null;
  onChange: (next: ProctorSettings | null) => void;
  disabled: boolean;
}

const ACTION_TEXT: Record<string, string> = { flag: 'Flag it for me', warn: 'Flag it and warn the student', end_attempt: 'Flag it and end the problem session' };

/** The rules for this assessment, or "each problem's own rules" (null). */
export function ProctoringFields({ value, onChange, disabled }: Props) {
  const set = (patch: Partial<ProctorSettings>) => value && onChange({ ...value, ...patch });
  return (
    <fieldset className="field" disabled={disabled}>
      <legend className="field-label">Proctoring</legend>
      <label className="checkbox">
        <input type="checkbox" checked={value === null} onChange={(e) => onChange(e.target.checked ? null : { ...DEFAULT_PROCTOR_SETTINGS })} />
        Use each problem's own rules (from Proctor settings)
      </label>
      {value ? (
        <div className="settings-form proctoring-fields">
          <label className="checkbox">
            <input type="checkbox" checked={value.enabled} onChange={(e) => set({ enabled: e.target.checked })} /> Record activity (tab switches, pastes, snapshots)
          </label>
          <label>
            <span className="field-label">Tab switches allowed before a flag</span>
            <input type="number" min={0} max={1000} value={value.allowedTabSwitches} onChange={(e) => set({ allowedTabSwitches: Number(e.target.value) })} />
          </label>
          <label>
            <span className="field-label">A paste this long is large (characters)</span>
            <input type="number" min={1} max={100000} value={value.largePasteChars} onChange={(e) => set({ largePasteChars: Number(e.target.value) })} />
          </label>
          <label>
            <span className="field-label">Idle limit (seconds, empty for none)</span>
            <input type="number" min={10} value={value.idleLimitSec ?? ''} onChange={(e) => set({ idleLimitSec: e.target.value ? Number(e.target.value) : null })} />
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={value.fullscreenRequired} onChange={(e) => set({ fullscreenRequired: e.target.checked })} /> Leaving fullscreen is a breach
          </label>
          <label>
            <span className="field-label">On a breach</span>
            <select value={value.actionOnBreach} onChange={(e) => set({ actionOnBreach: e.target.value as ProctorSettings['actionOnBreach'] })}>
              {BREACH_ACTIONS.map((a) => <option key={a} value={a}>{ACTION_TEXT[a] ?? a}</option>)}
            </select>
          </label>
        </div>
      ) : null}
    </fieldset>
  );
}

import { useState } from 'react';
import type { Accommodation, Assessment, LiveStudent } from '@logicode/contracts';
import { Notice } from '../../../components/ui/status.js';
import { useSaveAccommodations } from '../api/assessments-api.js';

/** Per-student extra time (accommodations), in minutes; running attempts get the new deadline at once. */
export function ExtraTime({ assessment, students }: { assessment: Assessment; students: LiveStudent[] }) {
  const save = useSaveAccommodations(assessment.id);
  const [minutes, setMinutes] = useState<Record<number, string>>(() =>
    Object.fromEntries(assessment.accommodations.map((a) => [a.userId, String(Math.round(a.extraTimeMs / 60_000))])));
  const closed = assessment.status === 'closed';
  const onSave = () => {
    const list: Accommodation[] = Object.entries(minutes)
      .map(([userId, m]) => ({ userId: Number(userId), extraTimeMs: Math.round(Number(m || 0) * 60_000) }))
      .filter((a) => a.extraTimeMs > 0);
    save.mutate(list);
  };
  return (
    <section className="card" aria-label="Extra time">
      <h2>Extra time per student</h2>
      <p className="muted small">Added to the duration for that student; their clock still stops at the window's end.</p>
      <table className="table compact">
        <thead><tr><th scope="col">Student</th><th scope="col" className="num">Extra minutes</th></tr></thead>
        <tbody>
          {students.map((s) => (
            <tr key={s.userId}>
              <td>{s.name} <span className="muted small">{s.email}</span></td>
              <td className="num">
                <input type="number" min={0} value={minutes[s.userId] ?? ''} placeholder="0" disabled={closed} aria-label={`Extra minutes for ${s.name}`}
                  onChange={(e) => setMinutes((m) => ({ ...m, [s.userId]: e.target.value }))} style={{ width: '7em' }} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="modal-actions">
        {save.isSuccess ? <span className="muted small">Saved.</span> : null}
        <button type="button" className="btn btn-primary" onClick={onSave} disabled={closed || save.isPending}>Save extra time</button>
      </div>
      {save.error ? <Notice kind="error">{save.error.message}</Notice> : null}
    </section>
  );
}

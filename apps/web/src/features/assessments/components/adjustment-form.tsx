import { useState, type FormEvent } from 'react';
import type { AttemptProblemStatus } from '@logicode/contracts';
import { ApiError } from '../../../lib/api-client.js';
import { Notice } from '../../../components/ui/status.js';
import { useAdjustScore } from '../api/assessments-api.js';

/** A manual change of points with a reason; it is kept for good (audited) and shows in the scoreboard and CSV. */
export function AdjustmentForm({ assessmentId, userId, problems }: { assessmentId: number; userId: number; problems: Pick<AttemptProblemStatus, 'problemId' | 'title'>[] }) {
  const adjust = useAdjustScore(assessmentId);
  const [problemId, setProblemId] = useState('');
  const [delta, setDelta] = useState('');
  const [reason, setReason] = useState('');
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    adjust.mutate({ userId, problemId: problemId ? Number(problemId) : null, deltaPoints: Number(delta), reason }, {
      onSuccess: () => { setDelta(''); setReason(''); },
    });
  };
  const errors = adjust.error instanceof ApiError ? adjust.error.fieldErrors : {};
  return (
    <form className="adjust-form" onSubmit={onSubmit} aria-label="Adjust the score">
      <label>
        <span className="field-label">Applies to</span>
        <select value={problemId} onChange={(e) => setProblemId(e.target.value)}>
          <option value="">The total</option>
          {problems.map((p) => <option key={p.problemId} value={p.problemId}>{p.title}</option>)}
        </select>
      </label>
      <label>
        <span className="field-label">Points (+ or −)</span>
        <input type="number" step="any" value={delta} onChange={(e) => setDelta(e.target.value)} required aria-invalid={Boolean(errors.deltaPoints)} />
      </label>
      <label className="grow">
        <span className="field-label">Reason (kept in the audit log)</span>
        <input type="text" value={reason} onChange={(e) => setReason(e.target.value)} required minLength={3} aria-invalid={Boolean(errors.reason)} />
      </label>
      <button type="submit" className="btn btn-primary" disabled={adjust.isPending || !delta || Number(delta) === 0 || reason.trim().length < 3}>Adjust</button>
      {adjust.error ? <Notice kind="error">{adjust.error.message}</Notice> : null}
    </form>
  );
}

import type { AssessmentStatus, StudentAssessmentState } from '@logicode/contracts';

const KIND: Record<string, string> = {
  draft: 'badge-pending', published: 'badge-solved', closed: '', upcoming: 'badge-timed', open: 'badge-solved', in_progress: 'severity-medium',
  finished: '', missed: 'severity-high', not_started: '',
};

export function StatusBadge({ status }: { status: AssessmentStatus | StudentAssessmentState | 'not_started' }) {
  return <span className={`badge ${KIND[status] ?? ''}`} data-status={status}>{status.replace(/_/g, ' ')}</span>;
}

/** A window or a moment, in the reader's time zone. */
export function formatWhen(ms: number | null | undefined): string {
  return ms === null || ms === undefined ? '–' : new Date(ms).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });
}

export function formatPoints(points: number | null | undefined): string {
  if (points === null || points === undefined) return '–';
  return Number.isInteger(points) ? String(points) : points.toFixed(2);
}

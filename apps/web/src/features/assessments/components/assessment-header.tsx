import { Link } from 'react-router';
import type { Assessment } from '@logicode/contracts';
import { paths } from '../../../config/paths.js';
import { formatDuration, plural } from '../../../lib/format.js';
import { Notice } from '../../../components/ui/status.js';
import { useConfirm } from '../../../components/ui/confirm-dialog.js';
import { csvExportUrl, useAssessmentAction } from '../api/assessments-api.js';
import { formatWhen, StatusBadge } from './status-badge.js';

/** Title, window and the actions its status allows: edit and publish a draft, close a published one early, export. */
export function AssessmentHeader({ assessment: a }: { assessment: Assessment }) {
  const action = useAssessmentAction();
  const { confirm, dialog } = useConfirm();
  const act = async (kind: 'publish' | 'close') => {
    const ok = await confirm(kind === 'publish'
      ? { title: `Publish “${a.title}”?`, body: `Students of ${a.className} will see it, and its settings can no longer change.`, confirmLabel: 'Publish' }
      : { title: `Close “${a.title}” now?`, body: 'Running attempts end and their latest code is submitted.', confirmLabel: 'Close now', tone: 'danger' });
    if (ok) action.mutate({ id: a.id, action: kind });
  };
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{a.title} <StatusBadge status={a.status} /></h1>
          <div className="muted small">
            {a.className} · open {formatWhen(a.windowStartAtMs)} → {formatWhen(a.windowEndAtMs)} · {formatDuration(a.durationMs / 1000)} per student ·{' '}
            {plural(a.problems.length, 'problem')}, {plural(a.totalPoints, 'point')} · {a.scoring === 'best' ? 'best' : 'last'} submission counts ·{' '}
            results {a.showResultsToStudents ? 'shown' : 'hidden'} · {a.proctoring ? (a.proctoring.enabled ? `proctored, ${plural(a.proctoring.allowedTabSwitches, 'tab switch', 'tab switches')} allowed` : 'not recorded') : "each problem's proctoring rules"}
          </div>
        </div>
        <div className="page-actions">
          <Link className="btn" to={paths.teacherAssessmentEdit(a.id)}>{a.status === 'draft' ? 'Edit' : 'Settings'}</Link>
          {a.status === 'draft' ? <button type="button" className="btn btn-primary" disabled={action.isPending} onClick={() => void act('publish')}>Publish</button> : null}
          {a.status === 'published' ? <button type="button" className="btn btn-danger" disabled={action.isPending} onClick={() => void act('close')}>Close early</button> : null}
          {a.status !== 'draft' ? <a className="btn" href={csvExportUrl(a.id)} download data-testid="export-csv">Export CSV</a> : null}
        </div>
      </div>
      {action.error ? <Notice kind="error">{action.error.message}</Notice> : null}
      {dialog}
    </>
  );
}

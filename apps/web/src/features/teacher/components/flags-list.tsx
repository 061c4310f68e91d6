import { useState } from 'react';
import { Link } from 'react-router';
import type { ProctorFlag } from '@logicode/contracts';
import { paths } from '../../../config/paths.js';
import { formatDateTime, plural } from '../../../lib/format.js';
import { EmptyState, ErrorState, Spinner } from '../../../components/ui/status.js';
import { useBulkReviewFlags, useFilterOptions, useFlags, useReviewFlag, type FlagFilters } from '../api/teacher-api.js';
import { SeverityBadge } from './severity.js';
import '../../../styles/teacher-admin.css';

/** Clearing or reopening a flag needs a note: the audit trail says who decided what, and why. */
export function FlagReview({ flag }: { flag: ProctorFlag }) {
  const review = useReviewFlag();
  const [note, setNote] = useState('');
  const act = (status?: 'open' | 'cleared') => review.mutate({ id: flag.id, body: { note, ...(status ? { status } : {}) } }, { onSuccess: () => setNote('') });
  return (
    <div className="flag-review">
      <input type="text" value={note} onChange={(e) => setNote(e.target.value)} placeholder="Note (required)" aria-label={`Note for flag ${flag.id}`} />
      {flag.status === 'open' ? (
        <button type="button" className="btn btn-small" disabled={!note.trim() || review.isPending} onClick={() => act('cleared')}>Clear</button>
      ) : (
        <button type="button" className="btn btn-small" disabled={!note.trim() || review.isPending} onClick={() => act('open')}>Reopen</button>
      )}
      <button type="button" className="btn btn-small btn-ghost" disabled={!note.trim() || review.isPending} onClick={() => act()}>Add note</button>
      {review.error ? <span className="field-error">{review.error.message}</span> : null}
    </div>
  );
}

/** A flag names the student and the problem: "Review attempt #5 · Alice Chen · Two Sum". */
export function FlagCard({ flag, select }: { flag: ProctorFlag & { userName?: string; problemTitle?: string }; select?: { checked: boolean; onChange: () => void } }) {
  const about = [flag.userName, flag.problemTitle].filter(Boolean).join(' · ');
  return (
    <li className="flag-card" data-testid="flag-card" data-flag={flag.id}>
      <div>
        {select ? <input type="checkbox" checked={select.checked} onChange={select.onChange} aria-label={`Select flag: ${flag.reason}${about ? ` (${about})` : ''}`} className="flag-select" /> : null}
        <SeverityBadge severity={flag.severity} /> <strong>{flag.reason}</strong>{' '}
        <span className="muted small">({flag.rule.replace(/_/g, ' ')}, action: {flag.action.replace(/_/g, ' ')}) · {formatDateTime(flag.createdAt)}</span>
      </div>
      {flag.note ? <div className="small">Note: {flag.note}</div> : null}
      <div className="small">
        <Link to={paths.teacherAttempt(flag.attemptId)}>Review attempt #{flag.attemptId}{about ? ` · ${about}` : ''}</Link> ·{' '}
        <Link to={paths.teacherStudent(flag.userId)}>{flag.userName ? `${flag.userName}'s page` : 'student'}</Link>
      </div>
      <FlagReview flag={flag} />
    </li>
  );
}

/** Review many flags at once: one note, then clear (or reopen) or just annotate every selected flag. */
function BulkBar({ selected, status, onDone }: { selected: number[]; status: 'open' | 'cleared'; onDone: () => void }) {
  const bulk = useBulkReviewFlags();
  const [note, setNote] = useState('');
  const act = (next?: 'open' | 'cleared') =>
    bulk.mutate({ ids: selected, note, ...(next ? { status: next } : {}) }, { onSuccess: () => { setNote(''); onDone(); } });
  const disabled = selected.length === 0 || !note.trim() || bulk.isPending;
  return (
    <div className="card bulk-bar" role="region" aria-label="Review the selected flags" data-testid="flags-bulk">
      <strong>{plural(selected.length, 'flag')} selected</strong>
      <input type="text" value={note} onChange={(e) => setNote(e.target.value)} placeholder="Note for all selected (required)" aria-label="Note for the selected flags" />
      {status === 'open'
        ? <button type="button" className="btn btn-small btn-primary" disabled={disabled} onClick={() => act('cleared')}>Clear selected</button>
        : <button type="button" className="btn btn-small" disabled={disabled} onClick={() => act('open')}>Reopen selected</button>}
      <button type="button" className="btn btn-small btn-ghost" disabled={disabled} onClick={() => act()}>Add note to selected</button>
      {bulk.data ? (
        <span className="muted small" role="status">
          {plural(bulk.data.updated.length, 'flag')} updated{bulk.data.notFound.length ? `; ${plural(bulk.data.notFound.length, 'flag')} no longer available` : ''}.
        </span>
      ) : null}
      {bulk.error ? <span className="field-error">{bulk.error.message}</span> : null}
    </div>
  );
}

export function FlagsTab() {
  const [status, setStatus] = useState<'open' | 'cleared'>('open');
  const [filters, setFilters] = useState<FlagFilters>({});
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const options = useFilterOptions();
  const flags = useFlags(status, filters);
  const visibleIds = flags.data?.map((f) => f.id) ?? [];
  const chosen = visibleIds.filter((id) => selected.has(id));
  const toggle = (id: number) => setSelected((prev) => {
    const next = new Set(prev);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  });
  const allChosen = visibleIds.length > 0 && chosen.length === visibleIds.length;
  const assessments = options.assessments.filter((a) => filters.classId === undefined || a.classId === filters.classId);
  const pickStatus = (next: 'open' | 'cleared') => { setStatus(next); setSelected(new Set()); };
  return (
    <>
      <div className="tabs subnav" role="tablist">
        <button type="button" role="tab" aria-selected={status === 'open'} className={`tab ${status === 'open' ? 'active' : ''}`} onClick={() => pickStatus('open')}>Open</button>
        <button type="button" role="tab" aria-selected={status === 'cleared'} className={`tab ${status === 'cleared' ? 'active' : ''}`} onClick={() => pickStatus('cleared')}>Cleared</button>
      </div>
      <div className="card filters">
        <label className="filter">
          <span className="filter-label">Class</span>
          <select value={filters.classId ?? ''} data-testid="flags-class"
            onChange={(e) => { setFilters(e.target.value ? { classId: Number(e.target.value) } : {}); setSelected(new Set()); }}>
            <option value="">All classes</option>
            {options.classes.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        </label>
        <label className="filter">
          <span className="filter-label">Assessment</span>
          <select value={filters.assessmentId ?? ''} data-testid="flags-assessment"
            onChange={(e) => {
              const { assessmentId: _drop, ...rest } = filters;
              setFilters(e.target.value ? { ...rest, assessmentId: Number(e.target.value) } : rest);
              setSelected(new Set());
            }}>
            <option value="">All work (practice and assessments)</option>
            {assessments.map((a) => <option key={a.id} value={a.id}>{a.title}</option>)}
          </select>
        </label>
      </div>
      {flags.isPending ? <Spinner /> : flags.isError ? <ErrorState error={flags.error} onRetry={() => void flags.refetch()} /> : flags.data.length === 0 ? (
        <EmptyState title={status === 'open' ? 'No open flags.' : 'No cleared flags.'} />
      ) : (
        <>
          <label className="check-all">
            <input type="checkbox" checked={allChosen} onChange={() => setSelected(allChosen ? new Set() : new Set(visibleIds))} data-testid="flags-select-all" />
            {' '}Select all {plural(visibleIds.length, 'flag')} shown
          </label>
          <BulkBar selected={chosen} status={status} onDone={() => setSelected(new Set())} />
          <ul className="flag-list">
            {flags.data.map((f) => (
              <FlagCard key={f.id} flag={f} select={{ checked: selected.has(f.id), onChange: () => toggle(f.id) }} />
            ))}
          </ul>
        </>
      )}
    </>
  );
}

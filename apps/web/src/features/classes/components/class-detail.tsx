import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { InviteResult } from '@logicode/contracts';
import { paths } from '../../../config/paths.js';
import { formatDateTime } from '../../../lib/format.js';
import { TextAreaField } from '../../../components/ui/field.js';
import { EmptyState, ErrorState, Notice, Spinner } from '../../../components/ui/status.js';
import { useConfirm } from '../../../components/ui/confirm-dialog.js';
import { useClassRoster, useInvite, useRemoveStudent } from '../api/classes-api.js';
import { ClassProgressChart } from './class-progress-chart.js';

/** Emails pasted from a spreadsheet or a mail client: split on commas, semicolons, spaces and new lines. */
export function splitEmails(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).map((e) => e.trim().toLowerCase()).filter(Boolean))];
}

function InviteSummary({ result }: { result: InviteResult }) {
  const parts = [
    result.added.length ? `${result.added.length} added` : '',
    result.pending.length ? `${result.pending.length} invited (they join when they sign up or sign in: ${result.pending.join(', ')})` : '',
    result.alreadyMembers.length ? `${result.alreadyMembers.length} already in the class` : '',
    result.notStudents.length ? `${result.notStudents.length} skipped, not student accounts (${result.notStudents.join(', ')})` : '',
  ].filter(Boolean);
  // Addresses that are not addresses are named; everyone else on the list was still invited (the server takes
  // the valid ones and says which it left out).
  const invalid = result.invalid ?? [];
  return (
    <>
      {invalid.length > 0 ? (
        <Notice kind="warning">
          <span data-testid="invite-invalid">
            {invalid.length === 1 ? 'This is not an email address' : `These ${invalid.length} are not email addresses`}, so nobody was invited
            for {invalid.length === 1 ? 'it' : 'them'}: <strong>{invalid.join(', ')}</strong>.
            {parts.length > 0 ? ' The other addresses were invited. Fix the line and invite it again.' : ''}
          </span>
        </Notice>
      ) : null}
      {parts.length > 0 || invalid.length === 0 ? <Notice kind="success">{parts.join(' · ') || 'Nothing to do.'}</Notice> : null}
    </>
  );
}

function InviteForm({ classId }: { classId: number }) {
  const invite = useInvite(classId);
  const [text, setText] = useState('');
  const emails = splitEmails(text);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    // Keep the addresses that were refused in the box, so they can be corrected and sent again.
    invite.mutate(emails, { onSuccess: (result) => setText((result.invalid ?? []).join('\n')) });
  };
  return (
    <form className="card" onSubmit={onSubmit} aria-label="Invite students">
      <TextAreaField label="Invite students by email" value={text} onChange={(e) => setText(e.target.value)} rows={3}
        placeholder="one per line, or separated by commas" error={invite.error?.message} />
      <button type="submit" className="btn btn-primary" disabled={invite.isPending || emails.length === 0}>
        Invite {emails.length > 0 ? emails.length : ''}
      </button>
      {invite.data ? <InviteSummary result={invite.data} /> : null}
    </form>
  );
}

/** One class: its join code, invitations, and roster. */
export function ClassDetail({ classId }: { classId: number }) {
  const roster = useClassRoster(classId);
  const remove = useRemoveStudent(classId);
  const { confirm, dialog } = useConfirm();
  if (roster.isPending) return <Spinner label="Loading the class…" />;
  if (roster.isError) return <ErrorState error={roster.error} onRetry={() => void roster.refetch()} />;
  const { class: c, students, pendingInvites } = roster.data;
  return (
    <>
      <div className="page-header">
        <h1>{c.name}</h1>
        <Link className="btn btn-primary" to={paths.teacherAssessmentNew(c.id)}>New assessment</Link>
      </div>
      <div className="stat-grid">
        <div className="stat"><div className="stat-value" data-testid="join-code">{c.joinCode ?? '–'}</div><div className="stat-label">Join code: students enter it under Assessments</div></div>
        <div className="stat"><div className="stat-value">{students.length}</div><div className="stat-label">Students</div></div>
        <div className="stat"><div className="stat-value">{pendingInvites.length}</div><div className="stat-label">Invitations not yet claimed</div></div>
      </div>
      {students.length > 0 ? <ClassProgressChart classId={c.id} /> : null}
      <InviteForm classId={c.id} />
      {remove.error ? <Notice kind="error">{remove.error.message}</Notice> : null}
      {dialog}
      <section className="card table-card" aria-label="Roster">
        {students.length === 0 ? <EmptyState title="No students yet." /> : (
          <table className="table" data-testid="roster">
            <thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Joined</th><th scope="col" /></tr></thead>
            <tbody>
              {students.map((s) => (
                <tr key={s.userId}>
                  <td>{s.name}</td>
                  <td>{s.email}</td>
                  <td>{formatDateTime(new Date(s.joinedAtMs).toISOString())}</td>
                  <td><button type="button" className="btn btn-small btn-danger" disabled={remove.isPending}
                    onClick={() => void confirm({ title: `Remove ${s.name} from ${c.name}?`, confirmLabel: 'Remove', tone: 'danger' })
                      .then((ok) => ok && remove.mutate(s.userId))}>Remove</button></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {pendingInvites.length > 0 ? (
        <section className="card">
          <h2>Invited, no account yet</h2>
          <ul className="muted">{pendingInvites.map((i) => <li key={i.email}>{i.email} · {formatDateTime(new Date(i.invitedAtMs).toISOString())}</li>)}</ul>
        </section>
      ) : null}
    </>
  );
}

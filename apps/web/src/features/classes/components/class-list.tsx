import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { paths } from '../../../config/paths.js';
import { formatDateTime } from '../../../lib/format.js';
import { ApiError } from '../../../lib/api-client.js';
import { TextField } from '../../../components/ui/field.js';
import { EmptyState, ErrorState, Spinner } from '../../../components/ui/status.js';
import { useClasses, useCreateClass } from '../api/classes-api.js';

function CreateClassForm() {
  const create = useCreateClass();
  const [name, setName] = useState('');
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ name }, { onSuccess: () => setName('') });
  };
  return (
    <form className="card inline-form" onSubmit={onSubmit} aria-label="Create a class">
      <TextField label="New class" value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Period 3 · Algorithms"
        error={create.error ? ((create.error instanceof ApiError ? create.error.fieldErrors.name : undefined) ?? create.error.message) : undefined} />
      <button type="submit" className="btn btn-primary" disabled={create.isPending || !name.trim()}>Create class</button>
    </form>
  );
}

/** The teacher's classes: create one, see each one's join code and size. */
export function ClassList() {
  const classes = useClasses();
  return (
    <>
      <div className="page-header">
        <h1>Classes</h1>
        <Link className="btn" to={paths.teacherAssessments()}>Assessments</Link>
      </div>
      <CreateClassForm />
      {classes.isPending ? <Spinner label="Loading classes…" /> : classes.isError ? <ErrorState error={classes.error} onRetry={() => void classes.refetch()} /> : classes.data.length === 0 ? (
        <EmptyState title="No classes yet.">Create one above, then invite students by email or give them its join code.</EmptyState>
      ) : (
        <div className="card table-card">
          <table className="table" data-testid="class-list">
            <thead><tr><th scope="col">Class</th><th scope="col">Teacher</th><th scope="col">Join code</th><th scope="col" className="num">Students</th><th scope="col">Created</th></tr></thead>
            <tbody>
              {classes.data.map((c) => (
                <tr key={c.id}>
                  <td><Link to={paths.teacherClass(c.id)}>{c.name}</Link></td>
                  <td>{c.teacherName}</td>
                  <td><code>{c.joinCode ?? '–'}</code></td>
                  <td className="num">{c.studentCount}</td>
                  <td>{formatDateTime(new Date(c.createdAtMs).toISOString())}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

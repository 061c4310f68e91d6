import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../lib/api-client.js';
import { Notice } from '../../../components/ui/status.js';
import { useJoinClass } from '../api/classes-api.js';

/** A student joins a class with the 8-character code the teacher gave them. */
export function JoinClassForm() {
  const join = useJoinClass();
  const [code, setCode] = useState('');
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    join.mutate(code.trim(), { onSuccess: () => setCode('') });
  };
  return (
    <form className="card inline-form" onSubmit={onSubmit} aria-label="Join a class">
      <div className="field">
        <label htmlFor="join-code">Join a class</label>
        <input id="join-code" value={code} onChange={(e) => setCode(e.target.value.toUpperCase())} placeholder="Class code, e.g. K7QX2MPA"
          maxLength={12} autoComplete="off" aria-invalid={Boolean(join.error)} />
      </div>
      <button type="submit" className="btn btn-primary" disabled={join.isPending || code.trim().length === 0}>Join</button>
      {join.error ? <Notice kind="error">{join.error instanceof ApiError && join.error.code === 'NOT_FOUND' ? 'No class has that code. Check it with your teacher.' : join.error.message}</Notice> : null}
      {join.data ? <Notice kind="success">You joined {join.data.name} ({join.data.teacherName}).</Notice> : null}
    </form>
  );
}

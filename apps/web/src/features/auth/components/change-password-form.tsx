import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../lib/api-client.js';
import { TextField } from '../../../components/ui/field.js';
import { Notice } from '../../../components/ui/status.js';
import { useChangePassword } from '../api/account.js';

/** On the profile: a new password ends every other session of the account; this one goes on. */
export function ChangePasswordForm() {
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const fieldErrors = change.error instanceof ApiError ? change.error.fieldErrors : {};
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate({ currentPassword: current, newPassword: next }, { onSuccess: () => { setCurrent(''); setNext(''); } });
  };
  return (
    <form className="card" onSubmit={onSubmit} noValidate aria-labelledby="change-password-title">
      <h2 id="change-password-title">Change password</h2>
      {change.isSuccess ? <Notice kind="success">Password changed. Your other devices are signed out.</Notice> : null}
      {change.error && Object.keys(fieldErrors).length === 0 ? <Notice kind="error">{change.error.message}</Notice> : null}
      <TextField label="Current password" type="password" name="currentPassword" autoComplete="current-password" required value={current}
        onChange={(e) => setCurrent(e.target.value)} error={fieldErrors.currentPassword} />
      <TextField label="New password" type="password" name="newPassword" autoComplete="new-password" required value={next}
        onChange={(e) => setNext(e.target.value)} error={fieldErrors.newPassword} hint="At least 8 characters, not a common password." />
      <button type="submit" className="btn btn-primary" disabled={change.isPending}>{change.isPending ? 'Saving…' : 'Change password'}</button>
    </form>
  );
}

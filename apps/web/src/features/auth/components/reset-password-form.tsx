import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../../lib/api-client.js';
import { paths } from '../../../config/paths.js';
import { TextField } from '../../../components/ui/field.js';
import { Notice, Spinner } from '../../../components/ui/status.js';
import { useResetPassword, useResetTokenStatus } from '../api/account.js';

/** /reset-password?token=…: a one-time link; using it ends every session of the account. */
export function ResetPasswordForm() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const status = useResetTokenStatus(token);
  const reset = useResetPassword();
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const fieldErrors = reset.error instanceof ApiError ? reset.error.fieldErrors : {};
  const mismatch = again.length > 0 && again !== password;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!mismatch) reset.mutate({ token, newPassword: password });
  };
  let body: React.ReactNode;
  if (!token || status.data?.valid === false) {
    body = <Notice kind="error">This reset link is not valid, was used already or has expired. <Link to={paths.forgotPassword()}>Ask for a new one</Link>.</Notice>;
  } else if (status.isPending) {
    body = <Spinner label="Checking the link…" />;
  } else if (reset.isSuccess) {
    body = <Notice kind="success">Your password is changed and every earlier session is signed out. <Link to={paths.login()}>Sign in</Link> with the new one.</Notice>;
  } else {
    body = (
      <>
        {reset.error && Object.keys(fieldErrors).length === 0 ? <Notice kind="error">{reset.error.message}</Notice> : null}
        <TextField label="New password" type="password" name="newPassword" autoComplete="new-password" required value={password}
          onChange={(e) => setPassword(e.target.value)} error={fieldErrors.newPassword} hint="At least 8 characters, not a common password." />
        <TextField label="New password again" type="password" name="again" autoComplete="new-password" required value={again}
          onChange={(e) => setAgain(e.target.value)} {...(mismatch ? { error: 'The two passwords differ.' } : {})} />
        <button type="submit" className="btn btn-primary btn-block" disabled={reset.isPending || mismatch}>
          {reset.isPending ? 'Saving…' : 'Set the new password'}
        </button>
      </>
    );
  }
  return (
    <form className="auth-form card" onSubmit={onSubmit} noValidate aria-labelledby="reset-title">
      <h1 id="reset-title">Choose a new password</h1>
      {body}
    </form>
  );
}

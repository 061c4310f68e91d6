import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../../lib/api-client.js';
import { paths } from '../../../config/paths.js';
import { TextField } from '../../../components/ui/field.js';
import { Notice } from '../../../components/ui/status.js';
import { useForgotPassword } from '../api/account.js';

/** The answer never says whether the address has an account; it says how a link travels on this server. */
export function ForgotPasswordForm() {
  const forgot = useForgotPassword();
  const [email, setEmail] = useState('');
  const fieldErrors = forgot.error instanceof ApiError ? forgot.error.fieldErrors : {};
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    forgot.mutate(email);
  };
  return (
    <form className="auth-form card" onSubmit={onSubmit} noValidate aria-labelledby="forgot-title">
      <h1 id="forgot-title">Forgot your password?</h1>
      {forgot.data?.byEmail ? (
        <Notice kind="success">If an account uses {email}, a link to choose a new password is on its way. It works once, for an hour.</Notice>
      ) : forgot.data ? (
        <Notice>This site does not send e-mail. Ask an administrator (or your teacher) for a reset link: they can make one for you.</Notice>
      ) : (
        <>
          <p className="muted">Enter your account's email address.</p>
          {forgot.error && Object.keys(fieldErrors).length === 0 ? <Notice kind="error">{forgot.error.message}</Notice> : null}
          <TextField label="Email" type="email" name="email" autoComplete="email" required value={email}
            onChange={(e) => setEmail(e.target.value)} error={fieldErrors.email} />
          <button type="submit" className="btn btn-primary btn-block" disabled={forgot.isPending}>
            {forgot.isPending ? 'Sending…' : 'Send me a reset link'}
          </button>
        </>
      )}
      <p className="muted small"><Link to={paths.login()}>Back to sign in</Link></p>
    </form>
  );
}

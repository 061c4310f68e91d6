import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../../lib/api-client.js';
import { homePathFor, useSignup } from '../../../lib/auth.js';
import { paths } from '../../../config/paths.js';
import { TextField } from '../../../components/ui/field.js';
import { Notice } from '../../../components/ui/status.js';

/** The server is the judge of validity; the form only adds the password-confirmation check. */
export function SignupForm() {
  const signup = useSignup();
  const navigate = useNavigate();
  const [form, setForm] = useState({ name: '', email: '', password: '', confirm: '' });
  const [confirmError, setConfirmError] = useState<string | undefined>();
  // A server error stays under its field only until that field changes: it was about the old value.
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  const allServerErrors = signup.error instanceof ApiError ? signup.error.fieldErrors : {};
  const serverErrors = Object.fromEntries(Object.entries(allServerErrors).filter(([field]) => !edited.has(field)));
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => {
    setForm({ ...form, [key]: e.target.value });
    setEdited((before) => (before.has(key) ? before : new Set(before).add(key)));
    if (key === 'confirm' || key === 'password') setConfirmError(undefined);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (form.password !== form.confirm) {
      setConfirmError('The two passwords differ.');
      return;
    }
    setConfirmError(undefined);
    setEdited(new Set());
    signup.mutate(
      { name: form.name, email: form.email, password: form.password },
      { onSuccess: (session) => void navigate(homePathFor(session.user.role), { replace: true }) },
    );
  };

  const emailError = serverErrors.email
    ?? (signup.error instanceof ApiError && signup.error.code === 'EMAIL_TAKEN' && !edited.has('email') ? signup.error.message : undefined);
  const generalError = signup.error && Object.keys(allServerErrors).length === 0 && !(signup.error instanceof ApiError && signup.error.code === 'EMAIL_TAKEN')
    ? signup.error.message : null;

  return (
    <form className="auth-form card" onSubmit={onSubmit} noValidate aria-labelledby="signup-title">
      <h1 id="signup-title">Create your account</h1>
      <p className="muted">Practise problems, see every test's result live, track your progress.</p>
      {generalError ? <Notice kind="error">{generalError}</Notice> : null}
      <TextField label="Name" name="name" autoComplete="name" required value={form.name} onChange={set('name')} error={serverErrors.name} />
      <TextField label="Email" type="email" name="email" autoComplete="email" required value={form.email} onChange={set('email')} error={emailError} />
      <TextField label="Password" type="password" name="password" autoComplete="new-password" required value={form.password}
        onChange={set('password')} error={serverErrors.password} hint="At least 8 characters." />
      <TextField label="Confirm password" type="password" name="confirm" autoComplete="new-password" required value={form.confirm}
        onChange={set('confirm')} error={confirmError} />
      <button type="submit" className="btn btn-primary btn-block" disabled={signup.isPending}>
        {signup.isPending ? 'Creating account…' : 'Create account'}
      </button>
      <p className="muted small">
        Already have an account? <Link to={paths.login()}>Sign in</Link>
      </p>
    </form>
  );
}

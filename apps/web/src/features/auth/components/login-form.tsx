import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../../lib/api-client.js';
import { homePathFor, useLogin } from '../../../lib/auth.js';
import { paths } from '../../../config/paths.js';
import { TextField } from '../../../components/ui/field.js';
import { Notice } from '../../../components/ui/status.js';

/** `next` is only followed when it is a path on this site (no open redirect). */
export function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : null;
}

export function LoginForm() {
  const login = useLogin();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const fieldErrors = login.error instanceof ApiError ? login.error.fieldErrors : {};

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate(
      { email, password },
      { onSuccess: (session) => void navigate(safeNext(params.get('next')) ?? homePathFor(session.user.role), { replace: true }) },
    );
  };

  return (
    <form className="auth-form card" onSubmit={onSubmit} noValidate aria-labelledby="login-title">
      <h1 id="login-title">Sign in</h1>
      <p className="muted">Welcome back. Your drafts and progress are waiting.</p>
      {login.error && Object.keys(fieldErrors).length === 0 ? <Notice kind="error">{login.error.message}</Notice> : null}
      <TextField label="Email" type="email" name="email" autoComplete="email" required value={email}
        onChange={(e) => setEmail(e.target.value)} error={fieldErrors.email} />
      <TextField label="Password" type="password" name="password" autoComplete="current-password" required value={password}
        onChange={(e) => setPassword(e.target.value)} error={fieldErrors.password} />
      <button type="submit" className="btn btn-primary btn-block" disabled={login.isPending}>
        {login.isPending ? 'Signing in…' : 'Sign in'}
      </button>
      <p className="muted small">
        <Link to={paths.forgotPassword()}>Forgot your password?</Link> · New here? <Link to={paths.signup()}>Create an account</Link>
      </p>
    </form>
  );
}

import { Navigate } from 'react-router';
import { LoginForm } from '../../features/auth/components/login-form.js';
import { SignupForm } from '../../features/auth/components/signup-form.js';
import { ForgotPasswordForm } from '../../features/auth/components/forgot-password-form.js';
import { ResetPasswordForm } from '../../features/auth/components/reset-password-form.js';
import { homePathFor, useUser } from '../../lib/auth.js';

function AuthShell({ children }: { children: React.ReactNode }) {
  const user = useUser();
  if (user.data) return <Navigate to={homePathFor(user.data.role)} replace />;
  return <div className="page auth-page">{children}</div>;
}

export function LoginPage() {
  return <AuthShell><LoginForm /></AuthShell>;
}

export function SignupPage() {
  return <AuthShell><SignupForm /></AuthShell>;
}

export function ForgotPasswordPage() {
  return <AuthShell><ForgotPasswordForm /></AuthShell>;
}

/** Open signed in or not: a reset link ends every session anyway. */
export function ResetPasswordPage() {
  return <div className="page auth-page"><ResetPasswordForm /></div>;
}

import { Navigate } from 'react-router';
import { LoginForm } from '../../features/auth/components/login-form.js';
import { SignupForm } from '../../features/auth/components/signup-form.js';
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

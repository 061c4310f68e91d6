import { createBrowserRouter, RouterProvider } from 'react-router';
import { AppLayout } from '../components/layouts/app-layout.js';
import { RouteError } from './routes/route-error.js';
import { Spinner } from '../components/ui/status.js';

// Pages beyond the first screen load on demand: Monaco, markdown and the admin and teacher pages
// never weigh on the landing page.
const lazyPage = (load: () => Promise<{ default: React.ComponentType }>) => async () => ({ Component: (await load()).default });

export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    errorElement: <RouteError />,
    hydrateFallbackElement: <div className="page"><Spinner /></div>,
    children: [
      { index: true, lazy: lazyPage(() => import('./routes/landing.js')) },
      { path: 'login', lazy: lazyPage(() => import('./routes/auth.js').then((m) => ({ default: m.LoginPage }))) },
      { path: 'signup', lazy: lazyPage(() => import('./routes/auth.js').then((m) => ({ default: m.SignupPage }))) },
      { path: 'forgot-password', lazy: lazyPage(() => import('./routes/auth.js').then((m) => ({ default: m.ForgotPasswordPage }))) },
      { path: 'reset-password', lazy: lazyPage(() => import('./routes/auth.js').then((m) => ({ default: m.ResetPasswordPage }))) },
      { path: 'problems', lazy: lazyPage(() => import('./routes/problems.js')) },
      { path: 'problems/:id', lazy: lazyPage(() => import('./routes/problem.js')) },
      { path: 'leaderboard', lazy: lazyPage(() => import('./routes/leaderboard.js')) },
      { path: 'profile', lazy: lazyPage(() => import('./routes/profile.js')) },
      { path: 'admin/users', lazy: lazyPage(() => import('./routes/admin/users.js')) },
      { path: 'admin/problems', lazy: lazyPage(() => import('./routes/admin/problems.js')) },
      { path: 'admin/problems/new', lazy: lazyPage(() => import('./routes/admin/problem-edit.js')) },
      { path: 'admin/problems/import', lazy: lazyPage(() => import('./routes/admin/problem-import.js')) },
      { path: 'admin/problems/:id', lazy: lazyPage(() => import('./routes/admin/problem-edit.js')) },
      { path: 'teacher', lazy: lazyPage(() => import('./routes/teacher/dashboard.js')) },
      { path: 'teacher/students/:id', lazy: lazyPage(() => import('./routes/teacher/student.js')) },
      { path: 'teacher/attempts/:id', lazy: lazyPage(() => import('./routes/teacher/attempt.js')) },
      { path: 'teacher/classes', lazy: lazyPage(() => import('./routes/teacher/classes.js')) },
      { path: 'teacher/classes/:id', lazy: lazyPage(() => import('./routes/teacher/class.js')) },
      { path: 'teacher/assessments', lazy: lazyPage(() => import('./routes/teacher/assessments.js')) },
      { path: 'teacher/assessments/new', lazy: lazyPage(() => import('./routes/teacher/assessment-edit.js')) },
      { path: 'teacher/assessments/:id', lazy: lazyPage(() => import('./routes/teacher/assessment.js')) },
      { path: 'teacher/assessments/:id/edit', lazy: lazyPage(() => import('./routes/teacher/assessment-edit.js')) },
      { path: 'teacher/assessments/:id/students/:userId', lazy: lazyPage(() => import('./routes/teacher/assessment-student.js')) },
      { path: 'assessments', lazy: lazyPage(() => import('./routes/assessments.js')) },
      { path: 'assessments/:id', lazy: lazyPage(() => import('./routes/assessment-take.js')) },
      { path: 'assessments/:id/results', lazy: lazyPage(() => import('./routes/assessment-results.js')) },
      { path: '*', lazy: lazyPage(() => import('./routes/not-found.js')) },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}

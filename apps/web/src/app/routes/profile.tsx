import { RequireRole } from '../../components/layouts/require-role.js';
import { ProgressOverview } from '../../features/progress/components/progress-overview.js';
import { ChangePasswordForm } from '../../features/auth/components/change-password-form.js';
import { useUser } from '../../lib/auth.js';

function Profile() {
  const user = useUser();
  return user.data ? <><ProgressOverview user={user.data} /><ChangePasswordForm /></> : null;
}

export default function ProfilePage() {
  return (
    <div className="page">
      <RequireRole>
        <Profile />
      </RequireRole>
    </div>
  );
}

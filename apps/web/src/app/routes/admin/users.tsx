import { RequireRole } from '../../../components/layouts/require-role.js';
import { UserAdmin } from '../../../features/admin-users/components/user-admin.js';
import { useUser } from '../../../lib/auth.js';
import { AdminTabs } from './admin-tabs.js';

function Users() {
  const user = useUser();
  return user.data ? <UserAdmin currentUserId={user.data.id} /> : null;
}

export default function AdminUsersPage() {
  return (
    <div className="page">
      <RequireRole roles={['admin']}>
        <AdminTabs />
        <h1>Users</h1>
        <Users />
      </RequireRole>
    </div>
  );
}

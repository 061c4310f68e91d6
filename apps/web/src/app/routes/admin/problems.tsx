import { RequireRole } from '../../../components/layouts/require-role.js';
import { ProblemAdminList } from '../../../features/admin-problems/components/problem-admin-list.js';
import { AdminTabs } from './admin-tabs.js';

export default function AdminProblemsPage() {
  return (
    <div className="page">
      <RequireRole roles={['admin']}>
        <AdminTabs />
        <ProblemAdminList />
      </RequireRole>
    </div>
  );
}

import { RequireRole } from '../../../components/layouts/require-role.js';
import { PackageImport } from '../../../features/admin-problems/components/package-import.js';
import { AdminTabs } from './admin-tabs.js';

export default function AdminProblemImportPage() {
  return (
    <div className="page">
      <RequireRole roles={['admin']}>
        <AdminTabs />
        <PackageImport />
      </RequireRole>
    </div>
  );
}

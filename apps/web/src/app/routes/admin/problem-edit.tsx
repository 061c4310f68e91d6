import { useParams } from 'react-router';
import { RequireRole } from '../../../components/layouts/require-role.js';
import { ProblemEditor } from '../../../features/admin-problems/components/problem-editor.js';
import { AdminTabs } from './admin-tabs.js';

export default function AdminProblemEditPage() {
  const { id } = useParams();
  const numericId = id ? Number(id) : null;
  return (
    <div className="page">
      <RequireRole roles={['admin']}>
        <AdminTabs />
        <ProblemEditor key={id ?? 'new'} id={numericId !== null && Number.isInteger(numericId) ? numericId : null} />
      </RequireRole>
    </div>
  );
}

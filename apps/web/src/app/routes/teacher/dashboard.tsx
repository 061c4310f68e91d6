import { RequireRole } from '../../../components/layouts/require-role.js';
import { TeacherDashboard } from '../../../features/teacher/components/teacher-dashboard.js';

export default function TeacherDashboardPage() {
  return (
    <div className="page wide">
      <RequireRole roles={['teacher', 'admin']}>
        <TeacherDashboard />
      </RequireRole>
    </div>
  );
}

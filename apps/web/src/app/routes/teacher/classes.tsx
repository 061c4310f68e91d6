import { RequireRole } from '../../../components/layouts/require-role.js';
import { ClassList } from '../../../features/classes/components/class-list.js';

export default function TeacherClassesPage() {
  return (
    <div className="page wide">
      <RequireRole roles={['teacher', 'admin']}>
        <ClassList />
      </RequireRole>
    </div>
  );
}

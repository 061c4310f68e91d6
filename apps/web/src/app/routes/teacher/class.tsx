import { useParams } from 'react-router';
import { RequireRole } from '../../../components/layouts/require-role.js';
import { ClassDetail } from '../../../features/classes/components/class-detail.js';

export default function TeacherClassPage() {
  const id = Number(useParams().id);
  return (
    <div className="page wide">
      <RequireRole roles={['teacher', 'admin']}>
        <ClassDetail classId={id} />
      </RequireRole>
    </div>
  );
}

import { useParams } from 'react-router';
import { RequireRole } from '../../../components/layouts/require-role.js';
import { StudentDetailView } from '../../../features/teacher/components/student-detail.js';

export default function TeacherStudentPage() {
  const id = Number(useParams().id);
  return (
    <div className="page wide">
      <RequireRole roles={['teacher', 'admin']}>
        <StudentDetailView studentId={id} />
      </RequireRole>
    </div>
  );
}

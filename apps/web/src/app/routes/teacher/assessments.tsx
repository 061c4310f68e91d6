import { RequireRole } from '../../../components/layouts/require-role.js';
import { AssessmentList } from '../../../features/assessments/components/assessment-list.js';

export default function TeacherAssessmentsPage() {
  return (
    <div className="page wide">
      <RequireRole roles={['teacher', 'admin']}>
        <AssessmentList />
      </RequireRole>
    </div>
  );
}

import { RequireRole } from '../../components/layouts/require-role.js';
import { JoinClassForm } from '../../features/classes/components/join-class-form.js';
import { MyAssessments } from '../../features/assessments/components/my-assessments.js';

export default function AssessmentsPage() {
  return (
    <div className="page">
      <RequireRole roles={['student']}>
        <div className="page-header"><h1>Assessments</h1></div>
        <JoinClassForm />
        <MyAssessments />
      </RequireRole>
    </div>
  );
}

import { useParams } from 'react-router';
import { RequireRole } from '../../components/layouts/require-role.js';
import { MyResults } from '../../features/assessments/components/my-results.js';

export default function AssessmentResultsPage() {
  const id = Number(useParams().id);
  return (
    <div className="page">
      <RequireRole roles={['student']}>
        <MyResults assessmentId={id} />
      </RequireRole>
    </div>
  );
}

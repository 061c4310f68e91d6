import { useParams } from 'react-router';
import { RequireRole } from '../../../components/layouts/require-role.js';
import { AttemptReview } from '../../../features/teacher/components/attempt-review.js';

export default function TeacherAttemptPage() {
  const id = Number(useParams().id);
  return (
    <div className="page wide">
      <RequireRole roles={['teacher', 'admin']}>
        <AttemptReview attemptId={id} />
      </RequireRole>
    </div>
  );
}

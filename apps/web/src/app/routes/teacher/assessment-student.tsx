import { useParams } from 'react-router';
import { RequireRole } from '../../../components/layouts/require-role.js';
import { StudentAttempt } from '../../../features/assessments/components/student-attempt.js';
import { AttemptReview } from '../../../features/teacher/components/attempt-review.js';

/** A student's assessment attempt, with the teacher feature's timeline and code playback for each problem. */
export default function TeacherAssessmentStudentPage() {
  const params = useParams();
  return (
    <div className="page wide">
      <RequireRole roles={['teacher', 'admin']}>
        <StudentAttempt assessmentId={Number(params.id)} userId={Number(params.userId)} renderAttempt={(attemptId) => <AttemptReview attemptId={attemptId} />} />
      </RequireRole>
    </div>
  );
}

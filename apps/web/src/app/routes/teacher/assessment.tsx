import { useParams } from 'react-router';
import { RequireRole } from '../../../components/layouts/require-role.js';
import { AssessmentPage } from '../../../features/assessments/components/assessment-page.js';
import { PairPanel, RunCheckButton } from '../../../features/teacher/components/pair-panel.js';

/** The assessment's page, with the teacher feature's plagiarism pieces for its Plagiarism tab. */
export default function TeacherAssessmentPage() {
  const id = Number(useParams().id);
  return (
    <div className="page wide">
      <RequireRole roles={['teacher', 'admin']}>
        <AssessmentPage assessmentId={id} renderPair={(pairId) => <PairPanel pairId={pairId} />}
          renderRunCheck={(problemId, title) => <RunCheckButton problemId={problemId} label={title} />} />
      </RequireRole>
    </div>
  );
}

import { useNavigate, useParams, useSearchParams } from 'react-router';
import { paths } from '../../../config/paths.js';
import { RequireRole } from '../../../components/layouts/require-role.js';
import { ErrorState, Spinner } from '../../../components/ui/status.js';
import { useClasses } from '../../../features/classes/api/classes-api.js';
import { useAssessment } from '../../../features/assessments/api/assessments-api.js';
import { AssessmentEditor } from '../../../features/assessments/components/assessment-editor.js';

/** New or existing assessment: the classes come from the classes feature, the form from assessments. */
function EditAssessment() {
  const idParam = useParams().id;
  const id = idParam ? Number(idParam) : null;
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const classes = useClasses();
  const assessment = useAssessment(id);
  if (classes.isPending || (id !== null && assessment.isPending)) return <Spinner label="Loading…" />;
  if (classes.isError) return <ErrorState error={classes.error} onRetry={() => void classes.refetch()} />;
  if (assessment.isError) return <ErrorState error={assessment.error} onRetry={() => void assessment.refetch()} />;
  return (
    <>
      <div className="page-header"><h1>{id === null ? 'New assessment' : `Edit: ${assessment.data?.title ?? ''}`}</h1></div>
      <AssessmentEditor key={id ?? 'new'} assessment={assessment.data ?? null} classes={classes.data} defaultClassId={Number(params.get('classId')) || null}
        onSaved={(saved) => void navigate(paths.teacherAssessment(saved.id))} />
    </>
  );
}

export default function TeacherAssessmentEditPage() {
  return (
    <div className="page wide">
      <RequireRole roles={['teacher', 'admin']}>
        <EditAssessment />
      </RequireRole>
    </div>
  );
}

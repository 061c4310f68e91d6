import { useState } from 'react';
import { Link } from 'react-router';
import { LANGUAGES, VERDICTS, VERDICT_LABELS, type Verdict } from '@logicode/contracts';
import { CodeEditor } from '../../../components/code-editor/code-editor.js';
import { Pagination } from '../../../components/ui/pagination.js';
import { EmptyState, ErrorState, Spinner } from '../../../components/ui/status.js';
import { VerdictBadge } from '../../../components/ui/verdict-badge.js';
import { paths } from '../../../config/paths.js';
import { useProblemOptions, useSubmissionDetail, useTeacherSubmissions, type SubmissionFilters } from '../api/submissions-api.js';

/** Everyone's submissions with filters; a row opens its code and per-test verdicts. */
export function SubmissionsTab() {
  const [filters, setFilters] = useState<SubmissionFilters>({ mode: 'submit' });
  const [page, setPage] = useState(1);
  const [openId, setOpenId] = useState<number | null>(null);
  const submissions = useTeacherSubmissions(filters, page);
  const problems = useProblemOptions();
  const update = (next: SubmissionFilters) => {
    setFilters(next);
    setPage(1);
  };
  return (
    <>
      <div className="card filters">
        <div className="filters-row">
          <label className="filter">
            <span className="filter-label">Problem</span>
            <select value={filters.problemId ?? ''} onChange={(e) => update({ ...filters, problemId: e.target.value ? Number(e.target.value) : undefined })}>
              <option value="">Every problem</option>
              {problems.data?.map((p) => <option key={p.id} value={p.id}>{p.title}</option>)}
            </select>
          </label>
          <label className="filter">
            <span className="filter-label">Verdict</span>
            <select value={filters.verdict ?? ''} onChange={(e) => update({ ...filters, verdict: (e.target.value || undefined) as Verdict | undefined })}>
              <option value="">Any verdict</option>
              {VERDICTS.map((v) => <option key={v} value={v}>{VERDICT_LABELS[v]}</option>)}
            </select>
          </label>
          <label className="filter">
            <span className="filter-label">Kind</span>
            <select value={filters.mode ?? ''} onChange={(e) => update({ ...filters, mode: (e.target.value || undefined) as SubmissionFilters['mode'] })}>
              <option value="submit">Submits</option>
              <option value="run">Runs</option>
              <option value="">Both</option>
            </select>
          </label>
        </div>
      </div>
      {submissions.isPending ? <Spinner label="Loading submissions…" /> : null}
      {submissions.isError ? <ErrorState error={submissions.error} onRetry={() => void submissions.refetch()} /> : null}
      {submissions.data && submissions.data.items.length === 0 ? <EmptyState title="No submissions match." /> : null}
      {submissions.data && submissions.data.items.length > 0 ? (
        <div className="card table-card">
          <table className="table compact" data-testid="teacher-submissions">
            <thead>
              <tr><th scope="col">When</th><th scope="col">Student</th><th scope="col">Problem</th><th scope="col">Language</th><th scope="col">Verdict</th><th scope="col">Score</th><th scope="col"><span className="sr-only">Code</span></th></tr>
            </thead>
            <tbody>
              {submissions.data.items.map((s) => (
                <tr key={s.id}>
                  <td>{new Date(s.createdAt).toLocaleString()}</td>
                  <td><Link to={paths.teacherStudent(s.userId)}>{s.userName}</Link></td>
                  <td>{s.problemTitle}</td>
                  <td>{LANGUAGES[s.language].name}</td>
                  <td><VerdictBadge verdict={s.verdict} short />{s.autoSubmitted ? <span className="muted small"> auto</span> : null}</td>
                  <td>{s.score ?? '–'}</td>
                  <td>
                    <button type="button" className="btn btn-small" aria-expanded={openId === s.id} onClick={() => setOpenId(openId === s.id ? null : s.id)}>
                      {openId === s.id ? 'Hide code' : 'View code'}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pagination page={submissions.data.page} pageSize={submissions.data.pageSize} total={submissions.data.total} onPage={setPage} />
        </div>
      ) : null}
      {openId !== null ? <SubmissionCode id={openId} /> : null}
    </>
  );
}

function SubmissionCode({ id }: { id: number }) {
  const detail = useSubmissionDetail(id);
  if (detail.isPending) return <Spinner label="Loading the code…" />;
  if (detail.isError) return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  const s = detail.data;
  return (
    <section className="card" aria-label={`Submission ${s.id}`}>
      <h2>Submission #{s.id} · <VerdictBadge verdict={s.verdict} /> · {s.tests.filter((t) => t.verdict === 'AC').length}/{s.testCount} tests</h2>
      <CodeEditor value={s.code ?? ''} language={LANGUAGES[s.language].monacoId} readOnly height={360} ariaLabel={`Code of submission ${s.id}`} />
      {s.compileOutput ? <pre className="io compile-output">{s.compileOutput}</pre> : null}
    </section>
  );
}

import { useState } from 'react';
import { CodeEditor } from '../../../components/code-editor/code-editor.js';
import { ErrorState, EmptyState, Spinner } from '../../../components/ui/status.js';
import { VerdictBadge } from '../../../components/ui/verdict-badge.js';
import { formatDateTime, formatKb, formatMs } from '../../../lib/format.js';
import { LANGUAGES } from '@logicode/contracts';
import { useSubmissionDetail, useSubmissionHistory } from '../api/submissions.js';

/** The caller's own submissions to this problem; one opens to show its code and per-test result. */
export function SubmissionHistory({ problemId, onOpen }: { problemId: number; onOpen?: (id: number) => void }) {
  const history = useSubmissionHistory(problemId, true);
  const [openId, setOpenId] = useState<number | null>(null);
  const detail = useSubmissionDetail(openId);

  if (history.isPending) return <Spinner label="Loading your submissions…" />;
  if (history.isError) return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  if (history.data.items.length === 0) return <EmptyState title="No submissions yet.">Run or submit your code and it shows up here.</EmptyState>;
  return (
    <div className="history">
      <table className="table compact" data-testid="history-table">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Kind</th>
            <th scope="col">Language</th>
            <th scope="col">Verdict</th>
            <th scope="col" className="num">Time</th>
            <th scope="col" className="num">Memory</th>
          </tr>
        </thead>
        <tbody>
          {history.data.items.map((s) => (
            <tr key={s.id} className={openId === s.id ? 'row-selected' : ''}>
              <td>
                <button type="button" className="link-button" onClick={() => { setOpenId(s.id); onOpen?.(s.id); }}>
                  {formatDateTime(s.createdAt)}
                </button>
              </td>
              <td>{s.mode === 'run' ? 'Run' : 'Submit'}</td>
              <td>{LANGUAGES[s.language].name}</td>
              <td><VerdictBadge verdict={s.status === 'done' ? s.verdict : null} short /></td>
              <td className="num">{formatMs(s.maxCpuMs)}</td>
              <td className="num">{formatKb(s.maxMemoryKb)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {openId !== null ? (
        <section className="history-detail" aria-label="Submission code">
          {detail.isPending ? <Spinner /> : detail.isError ? <ErrorState error={detail.error} /> : detail.data.code !== undefined ? (
            <CodeEditor value={detail.data.code} language={LANGUAGES[detail.data.language].monacoId} readOnly height={260} ariaLabel="Submitted code" />
          ) : null}
        </section>
      ) : null}
    </div>
  );
}

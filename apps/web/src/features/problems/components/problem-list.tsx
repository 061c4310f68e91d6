import { useCallback } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useUser } from '../../../lib/auth.js';
import { titleCase, formatDuration } from '../../../lib/format.js';
import { paths } from '../../../config/paths.js';
import { Pagination } from '../../../components/ui/pagination.js';
import { EmptyState, ErrorState, Spinner } from '../../../components/ui/status.js';
import { DifficultyBadge } from '../../../components/ui/verdict-badge.js';
import { useProblems, type ProblemFilters as Filters } from '../api/get-problems.js';
import { ProblemFilters } from './problem-filters.js';

const PAGE_SIZE = 20;

function readFilters(params: URLSearchParams): Filters {
  const pick = (key: string) => params.get(key) || undefined;
  const solved = pick('solved');
  return {
    q: pick('q'),
    category: pick('category'),
    difficulty: pick('difficulty'),
    tags: pick('tags'),
    solved: solved === 'true' || solved === 'false' ? solved : undefined,
    page: Math.max(1, Number(params.get('page')) || 1),
    pageSize: PAGE_SIZE,
  };
}

export function ProblemList() {
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const user = useUser();
  const problems = useProblems(filters);

  const onChange = useCallback(
    (patch: Partial<Filters>) => {
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(patch)) {
          if (value === undefined || value === '' || (key === 'page' && value === 1)) next.delete(key);
          else next.set(key, String(value));
        }
        return next;
      });
    },
    [setParams],
  );

  return (
    <div className="page">
      <header className="page-header">
        <h1>Problems</h1>
        {problems.data ? <p className="muted">{problems.data.total === 1 ? '1 problem matches.' : `${problems.data.total} problems match.`}</p> : null}
      </header>
      <ProblemFilters filters={filters} signedIn={Boolean(user.data)} onChange={onChange} />
      {problems.isPending ? <Spinner label="Loading problems…" /> : null}
      {problems.isError ? <ErrorState error={problems.error} onRetry={() => void problems.refetch()} /> : null}
      {problems.data && problems.data.items.length === 0 ? (
        <EmptyState title="No problem matches these filters.">Try fewer filters or another search.</EmptyState>
      ) : null}
      {problems.data && problems.data.items.length > 0 ? (
        <div className="card table-card">
          <table className="table problem-table" aria-busy={problems.isFetching}>
            <thead>
              <tr>
                <th scope="col" className="col-status"><span className="sr-only">Status</span></th>
                <th scope="col">Title</th>
                <th scope="col">Category</th>
                <th scope="col">Difficulty</th>
                <th scope="col" className="hide-tablet">Tags</th>
                <th scope="col" className="num">Solved by</th>
              </tr>
            </thead>
            <tbody>
              {problems.data.items.map((p) => (
                <tr key={p.id} data-problem-id={p.id} data-solved={p.solved ? 'true' : 'false'}>
                  <td className="col-status">
                    {p.solved ? <span className="solved-mark" title="Solved" aria-label="Solved">✓</span> : null}
                  </td>
                  <td>
                    <Link to={paths.problem(p.id)} className="problem-link">{p.title}</Link>
                    {p.timedDurationSec ? <span className="badge badge-timed" title="Timed problem">Timed {formatDuration(p.timedDurationSec)}</span> : null}
                    {p.solved ? <span className="badge badge-solved">Solved</span> : null}
                  </td>
                  <td>{titleCase(p.category)}</td>
                  <td><DifficultyBadge difficulty={p.difficulty} /></td>
                  <td className="hide-tablet">
                    <span className="tag-list">{p.tags.map((t) => <span key={t} className="tag tag-static">{t}</span>)}</span>
                  </td>
                  <td className="num">{p.solvedCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {problems.data ? (
        <Pagination page={filters.page} pageSize={PAGE_SIZE} total={problems.data.total} onPage={(page) => onChange({ page })} />
      ) : null}
    </div>
  );
}

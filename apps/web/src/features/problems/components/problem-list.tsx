import { useCallback, type ReactNode } from 'react';
import { problemStyleSchema } from '@logicode/contracts';
import { Link, useSearchParams } from 'react-router';
import { useUser } from '../../../lib/auth.js';
import { titleCase, formatDuration } from '../../../lib/format.js';
import { paths } from '../../../config/paths.js';
import { Pagination } from '../../../components/ui/pagination.js';
import { EmptyState, ErrorState, Spinner } from '../../../components/ui/status.js';
import { DifficultyBadge } from '../../../components/ui/verdict-badge.js';
import { useProblems, useProblemStats, type ProblemFilters as Filters } from '../api/get-problems.js';
import { ProblemFilters } from './problem-filters.js';

const PAGE_SIZE = 20;

function readFilters(params: URLSearchParams): Filters {
  const pick = (key: string) => params.get(key) || undefined;
  const solved = pick('solved');
  const sort = pick('sort');
  const order = pick('order');
  return {
    q: pick('q'),
    category: pick('category'),
    difficulty: pick('difficulty'),
    tags: pick('tags'),
    solved: solved === 'true' || solved === 'false' ? solved : undefined,
    sort: sort === 'title' || sort === 'difficulty' || sort === 'popular' ? sort : undefined,
    order: order === 'desc' ? 'desc' : order === 'asc' ? 'asc' : undefined,
    page: Math.max(1, Number(params.get('page')) || 1),
    pageSize: PAGE_SIZE,
  };
}

const STYLE_TAGS = new Set<string>(problemStyleSchema.options);

type SortKey = NonNullable<Filters['sort']>;

/** A column header that sorts: ascending, then descending, then back to the catalog's order; aria-sort says which. */
function SortHeader({ label, column, filters, onChange, className }: {
  label: string; column: SortKey; filters: Filters; onChange: (patch: Partial<Filters>) => void; className?: string;
}) {
  const current = filters.sort === column ? (filters.order ?? 'asc') : null;
  const next = (): Partial<Filters> => (current === null ? { sort: column, order: undefined, page: 1 }
    : current === 'asc' ? { sort: column, order: 'desc', page: 1 } : { sort: undefined, order: undefined, page: 1 });
  return (
    <th scope="col" className={className} aria-sort={current === 'asc' ? 'ascending' : current === 'desc' ? 'descending' : 'none'}>
      <button type="button" className="sort" onClick={() => onChange(next())}>
        {label} <span aria-hidden="true" className="sort-arrow">{current === 'asc' ? '▲' : current === 'desc' ? '▼' : '↕'}</span>
      </button>
    </th>
  );
}

function StatusMark({ solved, attempted }: { solved: boolean; attempted: boolean }): ReactNode {
  if (solved) return <span className="solved-mark" title="Solved" aria-label="Solved">✓</span>;
  if (attempted) return <span className="attempted-mark" title="Attempted, not solved yet" aria-label="Attempted, not solved yet">◐</span>;
  return null;
}

export function ProblemList() {
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const user = useUser();
  const problems = useProblems(filters);
  const stats = useProblemStats(user.data?.id ?? null);
  const attempted = new Set(stats.data?.attempted ?? []);
  const acceptance = new Map((stats.data?.problems ?? []).map((p) => [p.id, p]));

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
      <ProblemFilters filters={filters} signedIn={Boolean(user.data)} onChange={onChange} tagCounts={stats.data?.tagCounts} />
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
                <SortHeader label="Title" column="title" filters={filters} onChange={onChange} />
                <th scope="col" className="hide-phone">Category</th>
                <SortHeader label="Difficulty" column="difficulty" filters={filters} onChange={onChange} />
                <th scope="col" className="hide-tablet">Topics</th>
                <th scope="col" className="num hide-phone" title="Accepted submissions out of all submissions">Acceptance</th>
                <SortHeader label="Solved by" column="popular" filters={filters} onChange={onChange} className="num" />
              </tr>
            </thead>
            <tbody>
              {problems.data.items.map((p) => (
                <tr key={p.id} data-problem-id={p.id} data-solved={p.solved ? 'true' : 'false'}
                  data-attempted={!p.solved && attempted.has(p.id) ? 'true' : 'false'}>
                  <td className="col-status">
                    <StatusMark solved={Boolean(p.solved)} attempted={attempted.has(p.id)} />
                  </td>
                  <td>
                    <Link to={paths.problem(p.id)} className="problem-link">{p.title}</Link>
                    {p.timedDurationSec ? <span className="badge badge-timed" title="Timed problem">Timed {formatDuration(p.timedDurationSec)}</span> : null}
                    {p.solved ? <span className="badge badge-solved">Solved</span> : null}
                  </td>
                  <td className="hide-phone">{titleCase(p.category)}</td>
                  <td><DifficultyBadge difficulty={p.difficulty} /></td>
                  <td className="hide-tablet">
                    <span className="tag-list">{p.tags.filter((t) => !STYLE_TAGS.has(t)).map((t) => <span key={t} className="tag tag-static">{t}</span>)}</span>
                  </td>
                  <td className="num hide-phone" data-testid="acceptance">{acceptanceText(acceptance.get(p.id))}</td>
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

/** "47%" of finished Submits accepted; a dash until someone has submitted. */
function acceptanceText(stat: { submissions: number; accepted: number } | undefined): string {
  if (!stat || stat.submissions === 0) return '–';
  return `${Math.round((100 * stat.accepted) / stat.submissions)}%`;
}

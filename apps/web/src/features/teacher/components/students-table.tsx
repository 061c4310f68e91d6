import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { StudentSortKey } from '@logicode/contracts';
import { paths } from '../../../config/paths.js';
import { TimeAgo } from '../../../components/ui/time-ago.js';
import { ApiError } from '../../../lib/api-client.js';
import { EmptyState, ErrorState, Notice, Spinner } from '../../../components/ui/status.js';
import { Pagination } from '../../../components/ui/pagination.js';
import { useStudents } from '../api/teacher-api.js';
import { IntegrityBadge } from './severity.js';

type SortKey = StudentSortKey;
const COLUMNS: { key: SortKey; label: string; numeric: boolean }[] = [
  { key: 'name', label: 'Student', numeric: false },
  { key: 'solvedCount', label: 'Solved', numeric: true },
  { key: 'attempts', label: 'Attempts', numeric: true },
  { key: 'tabHidden', label: 'Tab switches', numeric: true },
  { key: 'paste', label: 'Pastes', numeric: true },
  { key: 'openFlags', label: 'Open flags', numeric: true },
  { key: 'integrityScore', label: 'Integrity', numeric: true },
];

/** How long the search waits after the last keystroke before asking the server. */
const SEARCH_DEBOUNCE_MS = 250;

/** The class, 50 students a page: the server searches, sorts and pages (a school's 2,000 students stay on it). */
export function StudentsTable() {
  const [sort, setSort] = useState<{ key: SortKey; dir: 'asc' | 'desc' }>({ key: 'openFlags', dir: 'desc' });
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  useEffect(() => {
    const timer = setTimeout(() => {
      setSearch(q.trim());
      setPage(1);
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [q]);
  const students = useStudents({ q: search, sort: sort.key, dir: sort.dir, page });

  if (students.isPending) return <Spinner label="Loading students…" />;
  if (students.error instanceof ApiError && students.error.status === 404) {
    return <Notice kind="warning">The students list is not available on this server yet. Open a student from the live feed or the sessions instead.</Notice>;
  }
  if (students.isError) return <ErrorState error={students.error} onRetry={() => void students.refetch()} />;
  if (students.data.total === 0 && !search) return <EmptyState title="No students yet." />;
  const toggle = (key: SortKey) => {
    setSort((s) => ({ key, dir: s.key === key ? (s.dir === 'asc' ? 'desc' : 'asc') : key === 'name' ? 'asc' : 'desc' }));
    setPage(1);
  };
  const rows = students.data.items;
  return (
    <>
      <div className="card filters">
        <label className="filter grow">
          <span className="filter-label">Search</span>
          <input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="Name or email" />
        </label>
      </div>
      <div className="card table-card">
        <table className="table" data-testid="students-table">
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th key={c.key} scope="col" className={c.numeric ? 'num' : ''} aria-sort={sort.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
                  <button type="button" className="sort" onClick={() => toggle(c.key)}>
                    {c.label} {sort.key === c.key ? (sort.dir === 'asc' ? '▲' : '▼') : ''}
                  </button>
                </th>
              ))}
              <th scope="col" aria-sort={sort.key === 'lastActiveAt' ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
                <button type="button" className="sort" onClick={() => toggle('lastActiveAt')}>
                  Last active {sort.key === 'lastActiveAt' ? (sort.dir === 'asc' ? '▲' : '▼') : ''}
                </button>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => (
              <tr key={s.id} className={(s.openFlags ?? 0) > 0 ? 'row-flagged' : ''}>
                <td><Link to={paths.teacherStudent(s.id)}>{s.name}</Link><div className="muted small">{s.email}</div></td>
                <td className="num">{s.solvedCount ?? '–'}</td>
                <td className="num">{s.attempts ?? '–'}</td>
                <td className="num">{s.tabHidden ?? '–'}</td>
                <td className="num">{s.paste ?? '–'}</td>
                <td className="num">{s.openFlags ?? '–'}</td>
                <td className="num"><IntegrityBadge score={s.integrityScore} /></td>
                <td>{s.lastActiveAt ? <TimeAgo iso={s.lastActiveAt} /> : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 ? <p className="muted">No student matches “{search}”.</p> : null}
      </div>
      <Pagination page={students.data.page} pageSize={students.data.pageSize} total={students.data.total} onPage={setPage} />
    </>
  );
}

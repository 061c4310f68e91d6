import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { paths } from '../../../config/paths.js';
import { timeAgo } from '../../../lib/format.js';
import { ApiError } from '../../../lib/api-client.js';
import { EmptyState, ErrorState, Notice, Spinner } from '../../../components/ui/status.js';
import { useStudents, type StudentRow } from '../api/teacher-api.js';
import { IntegrityBadge } from './severity.js';

type SortKey = 'name' | 'solvedCount' | 'attempts' | 'tabHidden' | 'paste' | 'openFlags' | 'integrityScore';
const COLUMNS: { key: SortKey; label: string; numeric: boolean }[] = [
  { key: 'name', label: 'Student', numeric: false },
  { key: 'solvedCount', label: 'Solved', numeric: true },
  { key: 'attempts', label: 'Attempts', numeric: true },
  { key: 'tabHidden', label: 'Tab switches', numeric: true },
  { key: 'paste', label: 'Pastes', numeric: true },
  { key: 'openFlags', label: 'Open flags', numeric: true },
  { key: 'integrityScore', label: 'Integrity', numeric: true },
];

function compare(a: StudentRow, b: StudentRow, key: SortKey): number {
  const x = a[key] ?? -1;
  const y = b[key] ?? -1;
  return typeof x === 'string' && typeof y === 'string' ? x.localeCompare(y) : Number(x) - Number(y);
}

export function StudentsTable() {
  const students = useStudents();
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: 'openFlags', dir: -1 });
  const [q, setQ] = useState('');
  const rows = useMemo(() => {
    const term = q.trim().toLowerCase();
    return (students.data ?? [])
      .filter((s) => !term || s.name.toLowerCase().includes(term) || s.email.toLowerCase().includes(term))
      .sort((a, b) => compare(a, b, sort.key) * sort.dir);
  }, [students.data, sort, q]);

  if (students.isPending) return <Spinner label="Loading students…" />;
  if (students.error instanceof ApiError && students.error.status === 404) {
    return <Notice kind="warning">The students list is not available on this server yet. Open a student from the live feed or the sessions instead.</Notice>;
  }
  if (students.isError) return <ErrorState error={students.error} onRetry={() => void students.refetch()} />;
  if (students.data.length === 0) return <EmptyState title="No students yet." />;
  const toggle = (key: SortKey) => setSort((s) => ({ key, dir: s.key === key ? (s.dir === 1 ? -1 : 1) : key === 'name' ? 1 : -1 }));
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
                <th key={c.key} scope="col" className={c.numeric ? 'num' : ''} aria-sort={sort.key === c.key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}>
                  <button type="button" className="sort" onClick={() => toggle(c.key)}>
                    {c.label} {sort.key === c.key ? (sort.dir === 1 ? '▲' : '▼') : ''}
                  </button>
                </th>
              ))}
              <th scope="col">Last active</th>
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
                <td>{s.lastActiveAt ? timeAgo(s.lastActiveAt) : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

import { useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { ProblemPackage } from '@logicode/contracts';
import { paths } from '../../../config/paths.js';
import { titleCase } from '../../../lib/format.js';
import { errorMessage } from '../../../lib/api-client.js';
import { Pagination } from '../../../components/ui/pagination.js';
import { EmptyState, ErrorState, Notice, Spinner } from '../../../components/ui/status.js';
import { DifficultyBadge } from '../../../components/ui/verdict-badge.js';
import { useConfirm } from '../../../components/ui/confirm-dialog.js';
import { exportProblem, useAdminProblemList, useDeleteProblem, useImportProblem } from '../api/admin-problems.js';
import { downloadJson, readJsonFile } from './download.js';
import { importProblems } from './import-errors.js';

export function ProblemAdminList() {
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const list = useAdminProblemList({ ...(q ? { q } : {}), page });
  const remove = useDeleteProblem();
  const { confirm, dialog } = useConfirm();
  const importer = useImportProblem();
  const navigate = useNavigate();
  const fileInput = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string; lines?: string[] } | null>(null);

  const onImport = async (file: File | undefined) => {
    if (!file) return;
    setMessage(null);
    try {
      const pkg = (await readJsonFile(file)) as ProblemPackage;
      const saved = await importer.mutateAsync(pkg);
      void navigate(paths.adminProblem(saved.id));
    } catch (error) {
      const problems = importProblems(error);
      setMessage(problems
        ? { kind: 'error', text: problems.title, lines: problems.lines }
        : { kind: 'error', text: error instanceof Error && !('status' in error) ? error.message : errorMessage(error) });
    } finally {
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  const onExport = async (id: number, slug: string) => {
    try {
      downloadJson(`${slug}.logicode.json`, await exportProblem(id));
    } catch (error) {
      setMessage({ kind: 'error', text: errorMessage(error) });
    }
  };

  const onDelete = async (id: number, title: string) => {
    // The API archives (docs/security.md): hidden from students and new assessments, every submission kept.
    const ok = await confirm({ title: `Archive “${title}”?`, body: 'Students will no longer see it; its submissions and results are kept, and it can be restored.', confirmLabel: 'Archive', tone: 'danger' });
    if (!ok) return;
    remove.mutate(id, { onSuccess: () => setMessage({ kind: 'success', text: `Archived “${title}”.` }), onError: (e) => setMessage({ kind: 'error', text: e.message }) });
  };

  return (
    <>
      <div className="page-header">
        <h1>Problems</h1>
        <div className="page-actions">
          <input ref={fileInput} type="file" accept="application/json,.json" className="sr-only" id="import-file"
            onChange={(e) => void onImport(e.target.files?.[0])} />
          <label htmlFor="import-file" className="btn" tabIndex={0} role="button"
            onKeyDown={(e) => { if (e.key === 'Enter' || e.key === ' ') fileInput.current?.click(); }}>
            {importer.isPending ? 'Importing…' : 'Import JSON'}
          </label>
          <Link to={paths.adminProblemNew()} className="btn btn-primary">New problem</Link>
        </div>
      </div>
      {message ? (
        <Notice kind={message.kind}>
          <span data-testid="import-message">{message.text}</span>
          {message.lines?.length ? <ul className="import-problems" data-testid="import-problems">{message.lines.map((line, i) => <li key={i}>{line}</li>)}</ul> : null}
        </Notice>
      ) : null}
      {dialog}
      <div className="card filters">
        <label className="filter grow">
          <span className="filter-label">Search</span>
          <input type="search" value={q} onChange={(e) => { setQ(e.target.value); setPage(1); }} placeholder="Title" />
        </label>
      </div>
      {list.isPending ? <Spinner /> : null}
      {list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data?.items.length === 0 ? <EmptyState title="No problems yet.">Create one, or import a package.</EmptyState> : null}
      {list.data && list.data.items.length > 0 ? (
        <div className="card table-card">
          <table className="table">
            <thead>
              <tr><th scope="col">Title</th><th scope="col">Category</th><th scope="col">Difficulty</th><th scope="col" className="num">Solved by</th><th scope="col">Actions</th></tr>
            </thead>
            <tbody>
              {list.data.items.map((p) => (
                <tr key={p.id}>
                  <td><Link to={paths.adminProblem(p.id)}>{p.title}</Link></td>
                  <td>{titleCase(p.category)}</td>
                  <td><DifficultyBadge difficulty={p.difficulty} /></td>
                  <td className="num">{p.solvedCount}</td>
                  <td>
                    <Link className="btn btn-small" to={paths.adminProblem(p.id)}>Edit</Link>{' '}
                    <button type="button" className="btn btn-small" onClick={() => void onExport(p.id, p.slug)}>Export</button>{' '}
                    <button type="button" className="btn btn-small btn-danger" onClick={() => void onDelete(p.id, p.title)}>Archive</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {list.data ? <Pagination page={page} pageSize={25} total={list.data.total} onPage={setPage} /> : null}
    </>
  );
}

import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { VERDICT_LABELS, type PackageImportResponse } from '@logicode/contracts';
import { paths } from '../../../config/paths.js';
import { errorMessage } from '../../../lib/api-client.js';
import { useImportPackage, usePublishProblem } from '../api/package-import.js';

/** Upload an ICPC/Kattis package, read its verification report, then publish (confirming any mismatch). */
export function PackageImport() {
  const [file, setFile] = useState<File | null>(null);
  const upload = useImportPackage();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (file) upload.mutate(file);
  };
  return (
    <section className="card" data-testid="package-import">
      <h2>Import a problem package</h2>
      <p className="muted">
        A zip in the ICPC/Kattis format (problem.yaml, data/sample and data/secret, output_validators/, submissions/,
        problem_statement/ or statement/). It is imported unpublished; its submissions are judged and the report
        shows what each got.
      </p>
      <form onSubmit={onSubmit}>
        <div className="field">
          <label htmlFor="package-file">Problem package (zip)</label>
          <input id="package-file" type="file" accept=".zip,application/zip" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </div>
        <button type="submit" className="btn btn-primary" disabled={!file || upload.isPending} data-testid="upload-package">
          {upload.isPending ? 'Uploading and judging the submissions…' : 'Upload and verify'}
        </button>
      </form>
      {upload.isError && <p className="field-error" role="alert" data-testid="import-error">Not imported: {errorMessage(upload.error)}</p>}
      {upload.data && <ImportReport key={upload.data.id} result={upload.data} />}
    </section>
  );
}

function ImportReport({ result }: { result: PackageImportResponse }) {
  const { report } = result;
  const publish = usePublishProblem();
  const [confirmed, setConfirmed] = useState(false);
  return (
    <div data-testid="import-report">
      <h3>
        Imported <Link to={paths.adminProblem(result.id)}>{result.title}</Link> ({result.slug}), unpublished
      </h3>
      <ul>
        <li>Format {report.formatVersion}; {report.testCount.sample} sample and {report.testCount.secret} secret tests.</li>
        <li data-testid="report-time-limit">Time limit {report.timeLimit.ms} ms ({report.timeLimit.source}): {report.timeLimit.note}</li>
        <li>
          Statement: {report.statement.source ?? 'none'} ({report.statement.kind})
          {report.statement.unsupported.length > 0 && <> — not converted, kept as text: {report.statement.unsupported.join(', ')}</>}
        </li>
      </ul>
      <table className="table" data-testid="report-submissions">
        <thead><tr><th>Submission</th><th>Expected</th><th>Got</th><th>CPU</th><th>Note</th></tr></thead>
        <tbody>
          {report.submissions.map((s) => (
            <tr key={s.path} data-status={s.got === null ? 'skipped' : s.got === s.expected ? 'ok' : 'mismatch'}>
              <td><code>{s.path}</code></td>
              <td>{s.expected ? VERDICT_LABELS[s.expected] : '—'}</td>
              <td>{s.got ? VERDICT_LABELS[s.got] : 'skipped'}</td>
              <td>{s.maxCpuMs === null ? '' : `${s.maxCpuMs} ms`}</td>
              <td>{s.skipped ?? s.message ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.notes.length > 0 && <ul className="muted">{report.notes.map((n) => <li key={n}>{n}</li>)}</ul>}
      {publish.isSuccess ? (
        <p data-testid="published">Published: students can see it now.</p>
      ) : (
        <div>
          {report.hasMismatch && (
            <label className="field" data-testid="mismatch-warning">
              <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} /> Some submissions did not get the
              verdict their folder names. I have checked, publish anyway.
            </label>
          )}
          <button type="button" className="btn" disabled={publish.isPending || (report.hasMismatch && !confirmed)} data-testid="publish-problem"
            onClick={() => publish.mutate({ id: result.id, confirmMismatch: confirmed })}>
            Publish
          </button>
          {publish.isError && <p className="field-error" role="alert">{errorMessage(publish.error)}</p>}
        </div>
      )}
    </div>
  );
}

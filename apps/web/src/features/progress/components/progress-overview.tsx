import { Link } from 'react-router';
import type { User } from '@logicode/contracts';
import { paths } from '../../../config/paths.js';
import { formatDateTime, titleCase } from '../../../lib/format.js';
import { EmptyState, ErrorState, Spinner } from '../../../components/ui/status.js';
import { useProgress, type ProgressBucket } from '../api/get-progress.js';
import { ActivityCalendar } from './activity-calendar.js';

function percent({ solved, total }: ProgressBucket): number {
  return total > 0 ? Math.round((solved / total) * 100) : 0;
}

/** A ring chart in plain SVG: no chart library for three numbers. */
function Ring({ value, label }: { value: number; label: string }) {
  const r = 52;
  const c = 2 * Math.PI * r;
  return (
    <svg className="ring" viewBox="0 0 128 128" role="img" aria-label={label}>
      <circle cx="64" cy="64" r={r} className="ring-track" />
      <circle cx="64" cy="64" r={r} className="ring-value" strokeDasharray={`${(value / 100) * c} ${c}`} transform="rotate(-90 64 64)" />
      <text x="64" y="70" textAnchor="middle" className="ring-text">{value}%</text>
    </svg>
  );
}

function Bars({ rows, title }: { rows: { key: string; label: string; bucket: ProgressBucket }[]; title: string }) {
  return (
    <section className="card">
      <h2>{title}</h2>
      <ul className="bars">
        {rows.map((row) => (
          <li key={row.key} className="bar-row">
            <span className="bar-label">{row.label}</span>
            <span className="bar-track" role="img" aria-label={`${row.label}: ${row.bucket.solved} of ${row.bucket.total} solved`}>
              <span className={`bar-fill bar-${row.key}`} style={{ width: `${percent(row.bucket)}%` }} />
            </span>
            <span className="bar-value">{row.bucket.solved}/{row.bucket.total}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ProgressOverview({ user }: { user: User }) {
  const progress = useProgress();
  if (progress.isPending) return <Spinner label="Loading your progress…" />;
  if (progress.isError) return <ErrorState error={progress.error} onRetry={() => void progress.refetch()} />;
  const p = progress.data;
  const overall = percent({ solved: p.solvedCount, total: p.totalProblems });
  return (
    <div className="progress-page">
      <section className="card profile-card">
        <Ring value={overall} label={`${p.solvedCount} of ${p.totalProblems} problems solved`} />
        <div>
          <h1>{user.name}</h1>
          <p className="muted">{user.email} · {titleCase(user.role)} · member since {new Date(user.createdAt).toLocaleDateString()}</p>
          <p className="big-number" data-testid="solved-count">{p.solvedCount} <span className="muted">of {p.totalProblems} problems solved</span></p>
        </div>
      </section>
      <ActivityCalendar />
      <div className="grid-2">
        <Bars title="By difficulty" rows={p.byDifficulty.map((d) => ({ key: d.difficulty, label: titleCase(d.difficulty), bucket: d }))} />
        <Bars title="By category" rows={p.byCategory.map((c) => ({ key: 'category', label: titleCase(c.category), bucket: c }))} />
      </div>
      <section className="card">
        <h2>Recently solved</h2>
        {p.recent.length === 0 ? (
          <EmptyState title="Nothing solved yet."><Link to={paths.problems()}>Pick a problem</Link> to begin.</EmptyState>
        ) : (
          <ul className="recent-list">
            {p.recent.map((r) => (
              <li key={`${r.problemId}-${r.solvedAt}`}>
                <Link to={paths.problem(r.problemId)}>{r.title}</Link> <span className="muted small">{formatDateTime(r.solvedAt)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

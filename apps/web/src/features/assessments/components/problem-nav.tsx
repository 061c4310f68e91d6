import type { AttemptProblemStatus } from '@logicode/contracts';

const MARK: Record<string, string> = { not_opened: '', opened: '•', submitted: '✓', solved: '✓' };

/** The assessment's problems as tabs: where the student is, and which ones they opened or submitted. */
export function ProblemNav({ problems, current, onSelect }: { problems: AttemptProblemStatus[]; current: number | null; onSelect: (problemId: number) => void }) {
  return (
    <nav className="tabs problem-nav" aria-label="Problems">
      {problems.map((p, i) => (
        <button key={p.problemId} type="button" className={`tab ${current === p.problemId ? 'active' : ''} progress-${p.progress}`}
          aria-current={current === p.problemId ? 'page' : undefined} onClick={() => onSelect(p.problemId)} title={`${p.title} · ${p.points} points · ${p.progress.replace(/_/g, ' ')}`}>
          {i + 1}. {p.title} <span className="muted small">{p.points} pts {MARK[p.progress]}</span>
        </button>
      ))}
    </nav>
  );
}

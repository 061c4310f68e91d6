import '../../../styles/teacher-admin.css';
import type { AttemptProblemStatus } from '@logicode/contracts';

/** Only a solved problem gets the tick: a submitted answer that is not (yet) fully right is marked apart. */
const MARK: Record<string, { glyph: string; text: string }> = {
  not_opened: { glyph: '', text: 'not opened' },
  opened: { glyph: '•', text: 'opened' },
  submitted: { glyph: '◐', text: 'submitted, not solved' },
  solved: { glyph: '✓', text: 'solved' },
};

/** The assessment's problems as tabs: where the student is, and which ones they opened or submitted. */
export function ProblemNav({ problems, current, onSelect }: { problems: AttemptProblemStatus[]; current: number | null; onSelect: (problemId: number) => void }) {
  return (
    <nav className="tabs problem-nav" aria-label="Problems">
      {problems.map((p, i) => (
        <button key={p.problemId} type="button" className={`tab ${current === p.problemId ? 'active' : ''} progress-${p.progress}`}
          aria-current={current === p.problemId ? 'page' : undefined} onClick={() => onSelect(p.problemId)} title={`${p.title} · ${p.points} points · ${MARK[p.progress]?.text ?? p.progress}`}>
          {i + 1}. {p.title} <span className="muted small">{p.points} pts <span className={`mark mark-${p.progress}`} aria-label={MARK[p.progress]?.text} data-progress={p.progress}>{MARK[p.progress]?.glyph}</span></span>
        </button>
      ))}
    </nav>
  );
}

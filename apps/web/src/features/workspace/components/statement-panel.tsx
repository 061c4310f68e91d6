import type { ProblemDetail } from '@logicode/contracts';
import { Markdown } from '../../../components/markdown.js';
import { DifficultyBadge } from '../../../components/ui/verdict-badge.js';
import { formatKb, formatMs, titleCase } from '../../../lib/format.js';

/** Statements often open with their own title; the page already shows it. */
function withoutLeadingTitle(statement: string, title: string): string {
  const match = /^\s*#\s+(.+)\n/.exec(statement);
  return match && match[1]?.trim().toLowerCase() === title.trim().toLowerCase() ? statement.slice(match[0].length) : statement;
}

export function StatementPanel({ problem }: { problem: ProblemDetail }) {
  return (
    <article className="statement" aria-labelledby="problem-title">
      <header className="statement-header">
        <h1 id="problem-title">{problem.title}</h1>
        <div className="statement-meta">
          <DifficultyBadge difficulty={problem.difficulty} />
          <span className="badge">{titleCase(problem.category)}</span>
          {problem.solved ? <span className="badge badge-solved" data-testid="solved-badge">Solved</span> : null}
          <span className="muted small">Time {formatMs(problem.timeLimitMs)} · Memory {formatKb(problem.memoryLimitKb)}</span>
        </div>
        {problem.tags.length > 0 ? (
          <div className="tag-list">{problem.tags.map((t) => <span key={t} className="tag tag-static">{t}</span>)}</div>
        ) : null}
      </header>
      <Markdown source={withoutLeadingTitle(problem.statement, problem.title)} className="statement-body" />
      {problem.sampleTests.length > 0 ? (
        <section className="samples" aria-label="Sample tests">
          <h2>Examples</h2>
          {problem.sampleTests.map((t, i) => (
            <div key={t.id} className="sample" data-testid="sample-test">
              <div>
                <div className="sample-label">Input {i + 1}</div>
                <pre className="io">{t.input || '(empty)'}</pre>
              </div>
              <div>
                <div className="sample-label">Output {i + 1}</div>
                <pre className="io">{t.expectedOutput || '(empty)'}</pre>
              </div>
            </div>
          ))}
        </section>
      ) : null}
      {problem.hiddenTestCount > 0 ? (
        <p className="muted small" data-testid="hidden-count">
          Submit also runs {problem.hiddenTestCount} hidden test{problem.hiddenTestCount === 1 ? '' : 's'}.
        </p>
      ) : null}
    </article>
  );
}

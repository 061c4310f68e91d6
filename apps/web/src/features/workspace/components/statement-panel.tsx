import { problemStyleSchema, type ProblemDetail } from '@logicode/contracts';
import { Markdown } from '../../../components/markdown.js';
import { DifficultyBadge } from '../../../components/ui/verdict-badge.js';
import { formatKb, formatMs, plural, titleCase } from '../../../lib/format.js';

/** Statements often open with their own title; the page already shows it. */
function withoutLeadingTitle(statement: string, title: string): string {
  const match = /^\s*#\s+(.+)\n/.exec(statement);
  return match && match[1]?.trim().toLowerCase() === title.trim().toLowerCase() ? statement.slice(match[0].length) : statement;
}

const STYLE_TAGS = new Set<string>(problemStyleSchema.options);

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
        {/* Topics only: an I/O style such as `function` is how the problem is answered, not what it is about. */}
        {problem.tags.some((t) => !STYLE_TAGS.has(t)) ? (
          <div className="tag-list">{problem.tags.filter((t) => !STYLE_TAGS.has(t)).map((t) => <span key={t} className="tag tag-static">{t}</span>)}</div>
        ) : null}
      </header>
      <Markdown source={withoutLeadingTitle(problem.statement, problem.title)} className="statement-body" />
      {problem.sampleTests.length > 0 ? (
        <section className="samples" aria-label="Sample tests">
          <h2>Examples</h2>
          {problem.checkerKind === 'interactive' ? (
            <p className="muted small">Interactive: your program talks with the judge. Lines marked &lt; are what the judge sends, &gt; what your program answers.</p>
          ) : null}
          {problem.sampleTests.map((t, i) => t.transcript ? (
            <div key={t.id} className="sample" data-testid="sample-transcript">
              <div>
                <div className="sample-label">Interaction {i + 1}</div>
                <pre className="io">{t.transcript}</pre>
              </div>
            </div>
          ) : (
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
      {problem.scoring?.type === 'scored' ? (
        <section aria-label="Scoring" data-testid="scoring-groups">
          <h2>Scoring</h2>
          <ul>
            {problem.scoring.groups.map((g) => (
              <li key={g.name}>
                {g.name}: {g.points} points{g.rule === 'min' ? ' (all its tests must pass)' : ' (in proportion to the tests passed)'}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {problem.hiddenTestCount > 0 ? (
        <p className="muted small" data-testid="hidden-count">
          Submit also runs {plural(problem.hiddenTestCount, 'hidden test')}.
        </p>
      ) : null}
    </article>
  );
}

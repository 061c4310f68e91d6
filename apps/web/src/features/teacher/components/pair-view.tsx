import type { PlagiarismPairDetail, SourceRegion } from '@logicode/contracts';
import { Link } from 'react-router';
import { paths } from '../../../config/paths.js';
import { formatDateTime, plural } from '../../../lib/format.js';

const COLORS = 4;

/** Per line, which fragment (if any) covers each column; regions are 1-based with an inclusive end. */
function marksOf(code: string, regions: SourceRegion[]): (number | null)[][] {
  const lines = code.split('\n');
  const marks = lines.map((line) => new Array<number | null>(line.length).fill(null));
  regions.forEach((r, fragment) => {
    for (let line = r.startLine; line <= r.endLine; line++) {
      const row = marks[line - 1];
      if (!row) continue;
      const from = line === r.startLine ? r.startColumn - 1 : 0;
      const to = line === r.endLine ? Math.min(r.endColumn, row.length) : row.length;
      for (let c = Math.max(0, from); c < to; c++) row[c] = fragment;
    }
  });
  return marks;
}

function Source({ code, regions, label }: { code: string; regions: SourceRegion[]; label: string }) {
  const lines = code.split('\n');
  const marks = marksOf(code, regions);
  return (
    <pre className="pair-source" aria-label={label}>
      {lines.map((line, i) => {
        const row = marks[i] ?? [];
        const runs: { text: string; fragment: number | null }[] = [];
        for (let c = 0; c < line.length; c++) {
          const fragment = row[c] ?? null;
          const last = runs[runs.length - 1];
          if (last && last.fragment === fragment) last.text += line[c];
          else runs.push({ text: line[c] ?? '', fragment });
        }
        return (
          <div key={i} className="pair-line">
            <span className="pair-lineno" aria-hidden="true">{i + 1}</span>
            {runs.map((run, j) =>
              run.fragment === null ? <span key={j}>{run.text}</span> : <mark key={j} className={`match match-${run.fragment % COLORS}`}>{run.text}</mark>,
            )}
          </div>
        );
      })}
    </pre>
  );
}

/** Two submissions side by side; each matched fragment has the same colour on both sides. */
export function PairView({ pair }: { pair: PlagiarismPairDetail }) {
  return (
    <div className="pair-view" data-testid="pair-view">
      <p className="muted small">
        {Math.round(pair.similarity * 100)}% similar · {plural(pair.fragments.length, 'matched fragment')} · longest {pair.longestFragmentTokens} tokens.
        Starter code is not highlighted; each matched stretch is one colour on both sides. Similarity is a reason to look closer, not proof.
      </p>
      <div className="grid-2">
        {(['left', 'right'] as const).map((side) => (
          <section key={side} className="card">
            <h3>{pair[side].userName}</h3>
            <p className="muted small">
              Submission #{pair[side].submissionId} · {pair[side].verdict ?? 'not judged'} · {formatDateTime(pair[side].submittedAt)} ·{' '}
              {Math.round(((side === 'left' ? pair.leftMatchedTokens : pair.rightMatchedTokens) / Math.max(1, side === 'left' ? pair.leftTotalTokens : pair.rightTotalTokens)) * 100)}% of this file matched
            </p>
            <p className="small">
              {pair[side].attemptId !== null && pair[side].attemptId !== undefined
                ? <Link to={paths.teacherAttempt(pair[side].attemptId!)} data-testid={`pair-playback-${side}`}>Attempt and code playback of {pair[side].userName}</Link>
                : <Link to={paths.teacherStudent(pair[side].userId)}>{pair[side].userName}&apos;s page (practice: no playback)</Link>}
            </p>
            <Source code={pair[side].code} regions={pair.fragments.map((f) => f[side])} label={`${pair[side].userName}'s code`} />
          </section>
        ))}
      </div>
    </div>
  );
}

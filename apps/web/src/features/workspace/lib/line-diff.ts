/** One line of a wrong answer's comparison: what was expected and what the program printed at that line. */
export interface DiffRow {
  line: number;
  expected: string | null;
  actual: string | null;
  same: boolean;
}

/** Trailing whitespace per line and trailing blank lines are ignored, as the exact checker does (docs/judge.md). */
function normalisedLines(text: string): string[] {
  const lines = text.replace(/\r\n/g, '\n').split('\n').map((l) => l.replace(/[ \t\v\f\r]+$/, ''));
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * Line by line, by position: judges compare answers that way, so the first differing line is what a student needs
 * (an LCS diff would pair lines the checker never pairs). Capped so a flood of output stays cheap to render.
 */
export function lineDiff(expected: string, actual: string, maxRows = 500): { rows: DiffRow[]; differing: number; truncated: boolean } {
  const a = normalisedLines(expected);
  const b = normalisedLines(actual);
  const total = Math.max(a.length, b.length);
  const rows: DiffRow[] = [];
  let differing = 0;
  for (let i = 0; i < total; i += 1) {
    const e = a[i] ?? null;
    const g = b[i] ?? null;
    const same = e === g;
    if (!same) differing += 1;
    if (rows.length < maxRows) rows.push({ line: i + 1, expected: e, actual: g, same });
  }
  return { rows, differing, truncated: total > maxRows };
}

import type { Scoreboard } from '@logicode/contracts';

/** What a spreadsheet may take as the start of a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A separator some spreadsheet splits on (comma; `;` in many locales; tab when pasted), a quote or a line break. */
const NEEDS_QUOTES = /[",;\t\r\n]/;
/** A formula prefix right after such a separator: a reader that splits there (ignoring quotes) would see a new cell. */
const FORMULA_AFTER_SEPARATOR = /([,;\t\r\n])(?=[=+\-@])/g;

/**
 * RFC 4180: a field with a separator, quote or line break is quoted and its quotes doubled. Text that a spreadsheet
 * would run as a formula (= + - @, tab, CR first) gets a leading apostrophe, and so does a formula prefix that follows
 * a separator inside the text (`Bob;=HYPERLINK(…)` read by a tool that splits on `;` and ignores the quotes).
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const leading = FORMULA_START.test(value) ? `'${value}` : value;
  const safe = leading.replace(FORMULA_AFTER_SEPARATOR, "$1'");
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One row per student: per-problem points, adjustments, total, time used, flags, integrity score. CRLF lines. */
export function scoreboardCsv(board: Scoreboard): string {
  const header = [
    'rank', 'name', 'email', ...board.problems.map((p) => `${p.title} (${p.points})`),
    'adjustments', 'total', 'time_used_sec', 'flags', 'integrity_score',
  ];
  const lines = [header.map(csvField).join(',')];
  for (const row of board.rows) {
    lines.push([
      row.rank, row.name, row.email, ...row.problems.map((c) => c.points), row.adjustmentPoints, row.totalPoints,
      row.timeUsedMs === null ? null : Math.round(row.timeUsedMs / 1000), row.flags, row.integrityScore,
    ].map(csvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

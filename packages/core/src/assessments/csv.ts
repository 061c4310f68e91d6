import type { Scoreboard } from '@logicode/contracts';

/**
 * RFC 4180: a field with a comma, quote or line break is quoted and its quotes doubled. Text that a spreadsheet
 * would run as a formula (= + - @, tab, CR first) gets a leading apostrophe (OWASP "CSV injection").
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
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

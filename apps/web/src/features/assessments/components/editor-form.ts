import { DEFAULT_PROCTOR_SETTINGS, type Assessment, type AssessmentBody, type ProctorSettings, type ScoringMode } from '@logicode/contracts';

/** The editor's state: strings where the inputs hold strings, converted once in toBody. */
export interface EditorForm {
  classId: number | null;
  title: string;
  instructions: string;
  problems: { problemId: number; title: string; points: number }[];
  /** datetime-local values, in the teacher's time zone. */
  windowStart: string;
  windowEnd: string;
  durationMin: number;
  /** null: each problem's own (or the global) proctoring rules. */
  proctoring: ProctorSettings | null;
  showResultsToStudents: boolean;
  scoring: ScoringMode;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** epoch ms → the value a datetime-local input shows (local time, minutes). */
export function toLocalInput(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function fromLocalInput(value: string): number {
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? 0 : ms;
}

const HOUR_MS = 3600_000;

export function emptyForm(classId: number | null, nowMs = Date.now()): EditorForm {
  // Open from this minute for a week, one hour each: a teacher usually changes only the title and the problems.
  const start = Math.floor(nowMs / 60_000) * 60_000;
  return {
    classId, title: '', instructions: '', problems: [], windowStart: toLocalInput(start), windowEnd: toLocalInput(start + 7 * 24 * HOUR_MS),
    durationMin: 60, proctoring: { ...DEFAULT_PROCTOR_SETTINGS }, showResultsToStudents: true, scoring: 'best',
  };
}

export function toForm(a: Assessment): EditorForm {
  return {
    classId: a.classId, title: a.title, instructions: a.instructions,
    problems: a.problems.map((p) => ({ problemId: p.problemId, title: p.title, points: p.points })),
    windowStart: toLocalInput(a.windowStartAtMs), windowEnd: toLocalInput(a.windowEndAtMs), durationMin: Math.round(a.durationMs / 60_000),
    proctoring: a.proctoring, showResultsToStudents: a.showResultsToStudents, scoring: a.scoring,
  };
}

/** The PUT/POST body; accommodations are kept as they are (they have their own page). */
export function toBody(form: EditorForm, existing: Assessment | null): AssessmentBody {
  return {
    classId: form.classId ?? 0,
    title: form.title,
    instructions: form.instructions,
    problems: form.problems.map((p) => ({ problemId: p.problemId, points: p.points })),
    windowStartAtMs: fromLocalInput(form.windowStart),
    windowEndAtMs: fromLocalInput(form.windowEnd),
    durationMs: Math.round(form.durationMin * 60_000),
    proctoring: form.proctoring,
    showResultsToStudents: form.showResultsToStudents,
    scoring: form.scoring,
    accommodations: existing?.accommodations ?? [],
  };
}

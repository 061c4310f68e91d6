import { LANGUAGE_IDS, LANGUAGES, type Checker, type LanguageId, type ProblemAdmin, type ProblemFields, type ProblemUpsertBody, type TestCaseInput } from '@logicode/contracts';
import { ApiError } from '../../../lib/api-client.js';

export interface LanguageDraft {
  enabled: boolean;
  starterCode: string;
  driverCode: string;
  solution: string;
}

export interface EditorDraft {
  fields: ProblemFields;
  languages: Record<LanguageId, LanguageDraft>;
  tests: TestCaseInput[];
}

const STARTERS: Record<LanguageId, string> = {
  c: '#include <stdio.h>\n\nint main(void) {\n    \n    return 0;\n}\n',
  cpp: '#include <bits/stdc++.h>\nusing namespace std;\n\nint main() {\n    \n    return 0;\n}\n',
  python: 'import sys\n\ndef main():\n    data = sys.stdin.read().split()\n\nmain()\n',
  java: 'import java.util.*;\n\npublic class Main {\n    public static void main(String[] args) {\n        Scanner in = new Scanner(System.in);\n    }\n}\n',
  javascript: "const input = require('fs').readFileSync(0, 'utf8').trim().split(/\\s+/);\n",
};

export function emptyDraft(): EditorDraft {
  const languages = Object.fromEntries(
    LANGUAGE_IDS.map((id) => [id, { enabled: id === 'python' || id === 'cpp', starterCode: STARTERS[id], driverCode: '', solution: '' }]),
  ) as Record<LanguageId, LanguageDraft>;
  return {
    fields: {
      slug: '', title: '', statement: '', category: 'math', difficulty: 'easy', tags: [], style: 'stdio',
      // Not published until the author says so: a half-written problem must not reach students on the first save.
      timeLimitMs: 2000, memoryLimitKb: 262_144, checker: { kind: 'exact' }, timedDurationSec: null, isPublished: false,
    },
    languages,
    tests: [{ input: '', expectedOutput: '', isSample: true, weight: 1 }],
  };
}

export function draftFromAdmin(problem: ProblemAdmin): EditorDraft {
  const draft = emptyDraft();
  const { id: _id, languages, tests, solutions, createdAt: _c, updatedAt: _u, ...fields } = problem;
  draft.fields = fields;
  for (const id of LANGUAGE_IDS) {
    const lang = languages.find((l) => l.language === id);
    const solution = solutions.find((s) => s.language === id);
    draft.languages[id] = {
      enabled: Boolean(lang),
      starterCode: lang?.starterCode ?? STARTERS[id],
      driverCode: lang?.driverCode ?? '',
      solution: solution?.source ?? '',
    };
  }
  draft.tests = tests.map(({ input, expectedOutput, isSample, weight }) => ({ input, expectedOutput, isSample, weight }));
  return draft;
}

export function draftToBody(draft: EditorDraft): ProblemUpsertBody {
  const enabled = LANGUAGE_IDS.filter((id) => draft.languages[id].enabled);
  return {
    problem: draft.fields,
    languages: enabled.map((id) => ({
      language: id,
      starterCode: draft.languages[id].starterCode,
      driverCode: draft.fields.style === 'function' ? draft.languages[id].driverCode || null : null,
    })),
    tests: draft.tests,
    solutions: enabled.filter((id) => draft.languages[id].solution.trim()).map((id) => ({ language: id, source: draft.languages[id].solution })),
  };
}

export function slugify(title: string): string {
  return title.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80);
}

export const defaultChecker = (kind: Checker['kind']): Checker => {
  switch (kind) {
    case 'float':
      return { kind, absTolerance: 1e-6, relTolerance: 1e-6 };
    case 'default':
      return { kind, caseSensitive: false, spaceChangeSensitive: false, floatAbsoluteTolerance: null, floatRelativeTolerance: null };
    case 'custom':
      return { kind, protocol: 'package', language: 'python', source: '', files: [], flags: [] };
    case 'interactive':
      return { kind, language: 'python', source: '', files: [], flags: [] };
    default:
      return { kind };
  }
};

function describeItem(item: unknown): string {
  if (typeof item === 'string') return item;
  if (!item || typeof item !== 'object') return String(item);
  const o = item as Record<string, unknown>;
  const where: string[] = [];
  if (o.path !== undefined) where.push(Array.isArray(o.path) ? o.path.join('.') : String(o.path));
  if (o.language !== undefined) where.push(LANGUAGES[o.language as LanguageId]?.name ?? String(o.language));
  if (o.testNumber !== undefined) where.push(o.testNumber === null ? 'compilation' : `test ${String(o.testNumber)}`);
  else if (o.testIndex !== undefined) where.push(`test ${Number(o.testIndex) + 1}`);
  else if (o.test !== undefined) where.push(`test ${String(o.test)}`);
  if (o.verdict !== undefined) where.push(`(${String(o.verdict)})`);
  const message = o.message ?? o.reason ?? o.error ?? '';
  return `${where.join(', ').replace(', (', ' (')}${where.length && message ? ': ' : ''}${String(message)}`;
}

/** The server's validation errors as one line each: which field, language or test, and what is wrong. */
export function describeServerErrors(error: unknown): string[] {
  if (!(error instanceof ApiError)) return [];
  const d = error.details;
  if (Array.isArray(d)) return d.map(describeItem).filter(Boolean);
  if (d && typeof d === 'object') {
    const o = d as Record<string, unknown>;
    for (const key of ['failures', 'errors', 'issues', 'results']) {
      if (Array.isArray(o[key])) return (o[key] as unknown[]).map(describeItem);
    }
    return [describeItem(d)];
  }
  return [];
}

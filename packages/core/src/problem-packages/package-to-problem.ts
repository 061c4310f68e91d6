import { readFile } from 'node:fs/promises';
import { posix } from 'node:path';
import {
  AppError, LANGUAGES, type Scoring, type TestCaseInput, PACKAGE_LANGUAGE_BY_EXTENSION, PACKAGE_SUBMISSION_FOLDERS, type Checker, type LanguageId, type PackageImportReport,
  type ProblemUpsertBody, type Verdict,
} from '@logicode/contracts';
import { latexToMarkdown } from './latex-to-markdown.js';
import { defaultValidator, readValidator } from './package-validators.js';
import type { PackageContents, PackageFile } from './package-reader.js';

/** Stands for the new problem's id in statement image links until the problem exists. */
export const PROBLEM_ID_TOKEN = '__LOGICODE_PROBLEM_ID__';
/** Where a statement's files are served (statement folders only; see package-files route). */
export const packageFileUrl = (problemId: number | string, path: string) => `/api/problems/${problemId}/package-files/${path}`;

export interface PackageSubmission {
  path: string;
  language: LanguageId;
  source: string;
  expected: Verdict;
}

/** A package read and mapped onto a problem; the import service stores it and verifies the submissions. */
export interface MappedPackage {
  body: ProblemUpsertBody;
  /** The package's own time limit in ms, or null: derive it from the accepted submissions. */
  givenTimeLimitMs: number | null;
  /** ICPC's multiplier for a derived limit (legacy `time_multiplier`, 2023-07 `ac_to_time_limit`). */
  timeMultiplier: number;
  submissions: PackageSubmission[];
  report: Omit<PackageImportReport, 'timeLimit' | 'submissions' | 'hasMismatch'> & { submissions: PackageImportReport['submissions'] };
}

const MAX_SOURCE_CHARS = 100_000;
const STATEMENT_DIRS = ['statement', 'problem_statement'];
const IMAGE_EXTENSIONS = ['png', 'jpg', 'jpeg', 'gif', 'svg', 'webp'];
const FALLBACK_TIME_LIMIT_MS = 2000;

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : null);
const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

export function slugFrom(name: string): string {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 70);
  return slug.length >= 2 ? slug : `problem-${slug || 'x'}`;
}

function titleOf(config: Record<string, unknown>, fallback: string): string {
  const name = config.name;
  if (typeof name === 'string' && name.trim()) return name.trim().slice(0, 200);
  const names = asRecord(name);
  const chosen = names.en ?? Object.values(names)[0];
  return typeof chosen === 'string' && chosen.trim() ? chosen.trim().slice(0, 200) : fallback;
}

/** `float_tolerance 1e-6 case_sensitive` (legacy validator_flags, or 2023-07 output_validator_args) as a map. */
export function parseValidatorFlags(flags: unknown): Map<string, string | null> {
  const words = Array.isArray(flags) ? flags.map(String) : typeof flags === 'string' ? flags.split(/\s+/).filter(Boolean) : [];
  const result = new Map<string, string | null>();
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i]!;
    if (/^float_(absolute_|relative_)?tolerance$/.test(word)) {
      result.set(word, words[i + 1] ?? null);
      i += 1;
    } else result.set(word, null);
  }
  return result;
}

/** The problem's validation kind: legacy `validation:`, or 2023-07 `type:` (a word or a list). */
export function validationOf(config: Record<string, unknown>): { custom: boolean; interactive: boolean; scoring: boolean } {
  if (typeof config.validation === 'string') {
    const words = config.validation.split(/\s+/);
    return { custom: words.includes('custom'), interactive: words.includes('interactive'), scoring: words.includes('score') };
  }
  const types = (Array.isArray(config.type) ? config.type : [config.type]).map(String);
  return { custom: false, interactive: types.includes('interactive'), scoring: types.includes('scoring') };
}

function chooseStatement(files: PackageFile[]): PackageFile | null {
  const candidates = files.filter((f) => {
    const [dir, name, more] = f.path.split('/');
    return STATEMENT_DIRS.includes(dir!) && more === undefined && /^problem(\.[A-Za-z-]+)?\.(md|tex)$/.test(name!);
  });
  const rank = (f: PackageFile) => {
    const name = posix.basename(f.path);
    const lang = /^problem\.en\./.test(name) ? 0 : /^problem\.(md|tex)$/.test(name) ? 1 : 2;
    return lang * 2 + (name.endsWith('.md') ? 0 : 1);
  };
  return candidates.sort((a, b) => rank(a) - rank(b))[0] ?? null;
}

/** Image links in the statement point at the package's file, served by the api; missing ones are reported. */
function linkImages(markdown: string, statementDir: string, files: PackageFile[], notes: string[]): string {
  const present = new Set(files.map((f) => f.path));
  return markdown.replace(/!\[([^\]]*)\]\(([^)\s]+)\)/g, (whole, alt: string, target: string) => {
    if (/^[a-z]+:|^\//i.test(target)) return whole;
    const base = posix.normalize(posix.join(statementDir, target));
    const found = [base, ...IMAGE_EXTENSIONS.map((e) => `${base}.${e}`)].find((p) => present.has(p) && !p.startsWith('..'));
    if (!found) {
      notes.push(`The statement's image "${target}" is not in ${statementDir}/ (or is not PNG, JPEG, GIF, SVG or WebP); its link is left as written.`);
      return whole;
    }
    return `![${alt}](${packageFileUrl(PROBLEM_ID_TOKEN, found)})`;
  });
}

async function statementOf(contents: PackageContents, title: string, notes: string[]) {
  const file = chooseStatement(contents.files);
  if (!file) {
    notes.push('No statement (problem_statement/ or statement/ with problem.<lang>.md or .tex): a placeholder was written.');
    return { text: `# ${title}\n\n(This package has no statement.)\n`, source: null, kind: 'none' as const, unsupported: [], title: null };
  }
  const raw = await readFile(file.absPath, 'utf8');
  const dir = posix.dirname(file.path);
  if (file.path.endsWith('.md')) return { text: linkImages(raw, dir, contents.files, notes), source: file.path, kind: 'markdown' as const, unsupported: [], title: null };
  const converted = latexToMarkdown(raw);
  return { text: linkImages(converted.markdown, dir, contents.files, notes), source: file.path, kind: 'latex' as const, unsupported: converted.unsupported, title: converted.title };
}

async function timeLimitOf(contents: PackageContents, limits: Record<string, unknown>, notes: string[]): Promise<number | null> {
  let seconds = num(limits.time_limit);
  const dotFile = contents.files.find((f) => f.path === '.timelimit');
  if (seconds === null && dotFile) seconds = num((await readFile(dotFile.absPath, 'utf8')).trim());
  const ini = contents.files.find((f) => f.path === 'domjudge-problem.ini');
  if (seconds === null && ini) seconds = num(/^\s*timelimit\s*=\s*['"]?([\d.]+)/m.exec(await readFile(ini.absPath, 'utf8'))?.[1]);
  if (seconds === null) return null;
  const ms = clamp(Math.round(seconds * 1000), 100, 20_000);
  if (ms !== Math.round(seconds * 1000)) notes.push(`The time limit ${seconds} s is outside 0.1–20 s; ${ms} ms is used.`);
  return ms;
}

async function submissionsOf(contents: PackageContents, results: PackageImportReport['submissions']): Promise<PackageSubmission[]> {
  const runnable: PackageSubmission[] = [];
  const seenDirs = new Set<string>();
  for (const file of contents.files) {
    const parts = file.path.split('/');
    if (parts[0] !== 'submissions' || parts.length < 3) continue;
    const folder = parts[1]!;
    const expected = (PACKAGE_SUBMISSION_FOLDERS as Record<string, Verdict>)[folder] ?? null;
    const skip = (path: string, language: LanguageId | null, reason: string) =>
      results.push({ path, language, expected, got: null, maxCpuMs: null, skipped: reason, message: null });
    if (parts.length > 3) {
      const dir = parts.slice(0, 3).join('/');
      if (!seenDirs.has(dir)) skip(dir, null, 'A submission of several files is not run (one source file per submission).');
      seenDirs.add(dir);
      continue;
    }
    const extension = posix.extname(file.path).slice(1).toLowerCase();
    const language = PACKAGE_LANGUAGE_BY_EXTENSION[extension] ?? null;
    if (!language) { skip(file.path, null, `.${extension || '(none)'} is not a language LogiCode runs.`); continue; }
    if (!expected) { skip(file.path, language, `submissions/${folder}/ names no single verdict.`); continue; }
    if (file.sizeBytes > MAX_SOURCE_CHARS) { skip(file.path, language, `Larger than ${MAX_SOURCE_CHARS} bytes.`); continue; }
    runnable.push({ path: file.path, language, source: await readFile(file.absPath, 'utf8'), expected });
  }
  return runnable;
}

/** A scored problem's group of a test: its top folder under data/secret (tests right in secret/: group `secret`). */
function groupNameOf(group: string): string {
  const top = group.split('/')[1];
  return (top ?? 'secret').replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 64);
}

/**
 * Scored packages: one group per folder under data/secret, its points from its testdata.yaml (`score`,
 * `max_score`, the top of `range`, else accept_score (1) per test) and its rule from `aggregation` (2023-07) or
 * `grader_flags` (legacy: `min` or the default sum).
 */
function groupsOf(contents: PackageContents, notes: string[]): Scoring {
  const names = [...new Set(contents.tests.filter((t) => !t.isSample).map((t) => groupNameOf(t.group)))];
  const groups = names.map((name) => {
    const config = contents.groupConfigs.get(name === 'secret' ? 'secret' : `secret/${name}`) ?? {};
    const scoring = asRecord(config.scoring);
    const count = contents.tests.filter((t) => !t.isSample && groupNameOf(t.group) === name).length;
    const range = typeof config.range === 'string' ? num(config.range.trim().split(/\s+/)[1]) : null;
    const points = num(scoring.score) ?? num(config.score) ?? num(config.max_score) ?? range ?? (num(config.accept_score) ?? 1) * count;
    const aggregation = String(scoring.aggregation ?? config.aggregation ?? config.grader_flags ?? '');
    return { name, points: Math.max(0, points), rule: /\bmin\b/.test(aggregation) ? ('min' as const) : ('sum' as const) };
  });
  notes.push(`Scored: ${groups.map((g) => `${g.name} ${g.points} points (${g.rule})`).join(', ')}.`);
  return { type: 'scored', groups };
}

/** Reads what the problem needs from a package; the caller decides the time limit and verifies. */
export async function mapPackage(contents: PackageContents, shortName: string): Promise<MappedPackage> {
  const notes: string[] = [];
  const { config } = contents;
  const formatVersion = typeof config.problem_format_version === 'string' ? config.problem_format_version : 'legacy';
  const limits = asRecord(config.limits);
  const title0 = titleOf(config, shortName);
  const statement = await statementOf(contents, title0, notes);
  const title = typeof config.name === 'undefined' && statement.title ? statement.title : title0;

  const validation = validationOf(config);
  const rootGroup = contents.groupConfigs.get('') ?? contents.groupConfigs.get('secret') ?? {};
  const flags = parseValidatorFlags(config.validator_flags ?? rootGroup.output_validator_args ?? rootGroup.output_validator_flags);
  let checker: Checker = defaultValidator(flags, notes);
  if (validation.custom || validation.interactive) {
    const validator = await readValidator(contents.files);
    if ('reason' in validator) throw new AppError('PACKAGE_INVALID', validator.reason);
    const words = [...flags].flatMap(([flag, value]) => (value === null ? [flag] : [flag, value]));
    checker = validation.interactive
      ? { kind: 'interactive', language: validator.language, source: validator.source, files: validator.files, flags: words }
      : { kind: 'custom', protocol: 'package', language: validator.language, source: validator.source, files: validator.files, flags: words };
    notes.push(`Validator: ${validator.folder}/ (${validator.language}${validator.files.length ? `, with ${validator.files.map((f) => f.name).join(', ')}` : ''}).`);
  }

  const memoryMiB = num(limits.memory);
  const memoryLimitKb = memoryMiB === null ? 262_144 : clamp(Math.round(memoryMiB * 1024), 16_384, 1_048_576);
  if (memoryMiB !== null && memoryLimitKb !== Math.round(memoryMiB * 1024)) notes.push(`The memory limit ${memoryMiB} MiB is outside 16–1024 MiB; ${memoryLimitKb / 1024} MiB is used.`);
  if (memoryMiB === null) notes.push('No memory limit in problem.yaml: 256 MiB is used.');

  const givenTimeLimitMs = await timeLimitOf(contents, limits, notes);
  const multipliers = asRecord(limits.time_multipliers);
  const timeMultiplier = num(multipliers.ac_to_time_limit) ?? num(limits.time_multiplier) ?? (formatVersion === 'legacy' ? 5 : 2);

  const scoring = validation.scoring ? groupsOf(contents, notes) : undefined;
  const tests: TestCaseInput[] = [];
  for (const test of contents.tests) {
    const interaction = contents.files.find((f) => f.path === `data/${test.name}.interaction`);
    tests.push({
      input: await readFile(test.inPath, 'utf8'), expectedOutput: await readFile(test.ansPath, 'utf8'), isSample: test.isSample, weight: 1,
      ...(scoring && !test.isSample ? { group: groupNameOf(test.group) } : {}),
      ...(interaction ? { transcript: await readFile(interaction.absPath, 'utf8') } : {}),
    });
  }
  const orphans = contents.files.filter((f) => f.path.startsWith('data/') && f.path.endsWith('.in')).map((f) => f.path);
  if (orphans.length > 0) notes.push(`Ignored (an .in without .ans): ${orphans.slice(0, 10).join(', ')}${orphans.length > 10 ? ', …' : ''}.`);
  const sample = tests.filter((t) => t.isSample).length;
  if (tests.length > 0 && sample === 0) {
    tests[0]!.isSample = true;
    notes.push('The package has no data/sample; its first secret test is shown to students as the sample.');
  }

  const results: PackageImportReport['submissions'] = [];
  const submissions = await submissionsOf(contents, results);
  const body: ProblemUpsertBody = {
    problem: {
      slug: slugFrom(shortName),
      title,
      statement: statement.text,
      category: 'math',
      difficulty: 'medium',
      tags: [],
      style: 'stdio',
      timeLimitMs: givenTimeLimitMs ?? FALLBACK_TIME_LIMIT_MS,
      memoryLimitKb,
      checker,
      ...(scoring ? { scoring } : {}),
      timedDurationSec: null,
      isPublished: false,
    },
    languages: (Object.keys(LANGUAGES) as LanguageId[]).map((language) => ({ language, starterCode: '', driverCode: null })),
    tests,
    solutions: [],
  };
  notes.push('Category "math" and difficulty "medium" were set (a package has neither); change them in the editor.');
  return {
    body,
    givenTimeLimitMs,
    timeMultiplier,
    submissions,
    report: {
      formatVersion,
      shortName,
      testCount: { sample: tests.filter((t) => t.isSample).length, secret: tests.filter((t) => !t.isSample).length },
      statement: { source: statement.source, kind: statement.kind, unsupported: statement.unsupported },
      submissions: results,
      notes,
    },
  };
}

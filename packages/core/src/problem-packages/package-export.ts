import { posix } from 'node:path';
import type { Readable } from 'node:stream';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import yazl from 'yazl';
import { LANGUAGES, type ProblemAdmin } from '@logicode/contracts';
import { packageFileUrl } from './package-to-problem.js';

export interface StoredPackageFile {
  path: string;
  content: Uint8Array;
}

function problemYaml(problem: ProblemAdmin, original: Record<string, unknown> | null): Record<string, unknown> {
  const config: Record<string, unknown> = { ...(original ?? { problem_format_version: 'legacy' }) };
  config.name = problem.title;
  const limits = { ...((config.limits as Record<string, unknown> | undefined) ?? {}) };
  limits.time_limit = problem.timeLimitMs / 1000;
  limits.memory = Math.round(problem.memoryLimitKb / 1024);
  config.limits = limits;
  if (!original) {
    const { checker } = problem;
    const words: string[] = [];
    if (checker.kind === 'default') {
      if (checker.caseSensitive) words.push('case_sensitive');
      if (checker.spaceChangeSensitive) words.push('space_change_sensitive');
      if (checker.floatAbsoluteTolerance !== null) words.push('float_absolute_tolerance', String(checker.floatAbsoluteTolerance));
      if (checker.floatRelativeTolerance !== null) words.push('float_relative_tolerance', String(checker.floatRelativeTolerance));
    } else if (checker.kind === 'float') {
      words.push('float_absolute_tolerance', String(checker.absTolerance), 'float_relative_tolerance', String(checker.relTolerance));
    } else if (checker.kind === 'custom' || checker.kind === 'interactive') {
      words.push(...checker.flags);
    }
    const kind = checker.kind === 'interactive' ? 'custom interactive' : checker.kind === 'custom' ? 'custom' : 'default';
    config.validation = problem.scoring?.type === 'scored' ? `${kind} score` : kind;
    if (words.length > 0) config.validator_flags = words.join(' ');
  }
  return config;
}

/** The statement as Markdown with the api's file links made relative to its folder again. */
function statementMarkdown(problem: ProblemAdmin, statementDir: string): string {
  const prefix = packageFileUrl(problem.id, '').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return problem.statement.replace(new RegExp(`\\]\\(${prefix}([^)\\s]+)\\)`, 'g'), (_, path: string) => `](${posix.relative(statementDir, path)})`);
}

/**
 * The problem as an ICPC/Kattis package (legacy layout unless it came as 2023-07): problem.yaml with its limits,
 * data/sample and data/secret, the statement as Markdown, and every file the import kept (images, validators,
 * submissions, the original statement). Streamed: the zip is written as it is read.
 */
export function exportPackageZip(problem: ProblemAdmin, files: StoredPackageFile[], statementSource: string | null): Readable {
  const zip = new yazl.ZipFile();
  const byPath = new Map(files.map((f) => [f.path, f.content]));
  const originalYaml = byPath.get('problem.yaml');
  const original = originalYaml ? (parseYaml(Buffer.from(originalYaml).toString('utf8')) as Record<string, unknown> | null) : null;
  const config = problemYaml(problem, original && typeof original === 'object' ? original : null);
  const statementDir = statementSource ? posix.dirname(statementSource) : config.problem_format_version === 'legacy' ? 'problem_statement' : 'statement';

  const generated = new Map<string, Buffer>();
  generated.set('problem.yaml', Buffer.from(stringifyYaml(config)));
  generated.set(`${statementDir}/problem.en.md`, Buffer.from(statementMarkdown(problem, statementDir)));
  const counters = new Map<string, number>();
  for (const test of problem.tests) {
    // A scored problem's tests go back into their group's folder, so the groups come back on import.
    const folder = test.isSample ? 'data/sample' : test.group ? `data/secret/${test.group}` : 'data/secret';
    const n = (counters.get(folder) ?? 0) + 1;
    counters.set(folder, n);
    const stem = `${folder}/${String(n).padStart(3, '0')}`;
    generated.set(`${stem}.in`, Buffer.from(test.input));
    generated.set(`${stem}.ans`, Buffer.from(test.expectedOutput));
    if (test.transcript) generated.set(`${stem}.interaction`, Buffer.from(test.transcript));
  }
  for (const group of problem.scoring?.type === 'scored' ? problem.scoring.groups : []) {
    const path = `data/secret/${group.name}/testdata.yaml`;
    if (!byPath.has(path)) generated.set(path, Buffer.from(stringifyYaml({ score: group.points, aggregation: group.rule })));
  }
  const { checker } = problem;
  const hasValidator = files.some((f) => /^output_validators?\//.test(f.path));
  if ((checker.kind === 'custom' || checker.kind === 'interactive') && !hasValidator) {
    const extension = checker.language === 'python' ? 'py' : checker.language;
    generated.set(`output_validators/validator/validator.${extension}`, Buffer.from(checker.source));
    for (const file of checker.files) generated.set(`output_validators/validator/${file.name}`, Buffer.from(file.content));
  }
  for (const solution of problem.solutions) {
    const path = `submissions/accepted/reference-${solution.language}.${LANGUAGES[solution.language].fileExtension}`;
    if (!byPath.has(path)) generated.set(path, Buffer.from(solution.source));
  }
  for (const [path, content] of generated) zip.addBuffer(content, path);
  for (const file of files) {
    // The tests come from the problem as it is now, never from the imported copy.
    if (generated.has(file.path) || /^data\/.*\.(in|ans|interaction)$/.test(file.path)) continue;
    zip.addBuffer(Buffer.from(file.content), file.path);
  }
  zip.end();
  return zip.outputStream as unknown as Readable;
}

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
    config.validation = 'default';
    const { checker } = problem;
    if (checker.kind === 'float') config.validator_flags = `float_absolute_tolerance ${checker.absTolerance} float_relative_tolerance ${checker.relTolerance}`;
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
  let sample = 0;
  let secret = 0;
  for (const test of problem.tests) {
    const stem = test.isSample ? `data/sample/${String((sample += 1)).padStart(3, '0')}` : `data/secret/${String((secret += 1)).padStart(3, '0')}`;
    generated.set(`${stem}.in`, Buffer.from(test.input));
    generated.set(`${stem}.ans`, Buffer.from(test.expectedOutput));
  }
  for (const solution of problem.solutions) {
    const path = `submissions/accepted/reference-${solution.language}.${LANGUAGES[solution.language].fileExtension}`;
    if (!byPath.has(path)) generated.set(path, Buffer.from(solution.source));
  }
  for (const [path, content] of generated) zip.addBuffer(content, path);
  for (const file of files) {
    // The tests come from the problem as it is now, never from the imported copy.
    if (generated.has(file.path) || /^data\/.*\.(in|ans)$/.test(file.path)) continue;
    zip.addBuffer(Buffer.from(file.content), file.path);
  }
  zip.end();
  return zip.outputStream as unknown as Readable;
}

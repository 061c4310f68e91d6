import { readFile } from 'node:fs/promises';
import { posix } from 'node:path';
import type { Checker, LanguageId, ValidatorFile } from '@logicode/contracts';
import type { PackageFile } from './package-reader.js';

/** The languages a validator may be written in (built in the sandbox by the judge). */
const VALIDATOR_LANGUAGES: Record<string, LanguageId> = { cpp: 'cpp', cc: 'cpp', cxx: 'cpp', c: 'c', py: 'python', py3: 'python' };
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,98}[A-Za-z0-9]$/;

/**
 * The package's output validator (legacy `output_validators/<name>/` or a file directly in it; 2023-07
 * `output_validator/`): the main source (the one that defines `main`, else the only source) and the files
 * beside it (headers, modules). null with a reason when there is none we can build.
 */
export async function readValidator(files: PackageFile[]): Promise<{ language: LanguageId; source: string; files: ValidatorFile[]; folder: string } | { reason: string }> {
  const inFolder = files.filter((f) => /^output_validators?\//.test(f.path));
  if (inFolder.length === 0) return { reason: 'The package asks for a custom validator but has no output_validators/ (or output_validator/) folder.' };
  // Legacy allows several validators in subfolders; the format says one is used. We take the first by name.
  const folders = [...new Set(inFolder.map((f) => posix.dirname(f.path)))].sort();
  const folder = folders.find((d) => inFolder.some((f) => posix.dirname(f.path) === d && VALIDATOR_LANGUAGES[posix.extname(f.path).slice(1)])) ?? folders[0]!;
  const mine = inFolder.filter((f) => posix.dirname(f.path) === folder);
  const sources = mine.filter((f) => VALIDATOR_LANGUAGES[posix.extname(f.path).slice(1)]);
  if (sources.length === 0) return { reason: `${folder}/ holds no C, C++ or Python source: the validator cannot be built here.` };
  const texts = new Map<string, string>();
  for (const file of mine) if (file.sizeBytes <= 1_000_000) texts.set(file.path, await readFile(file.absPath, 'utf8'));
  const main = sources.find((f) => /\bint\s+main\s*\(|__name__\s*==\s*['"]__main__['"]/.test(texts.get(f.path) ?? '')) ?? sources[0]!;
  const language = VALIDATOR_LANGUAGES[posix.extname(main.path).slice(1)]!;
  const extra = mine.filter((f) => f !== main && FILE_NAME.test(posix.basename(f.path)) && texts.has(f.path))
    .map((f) => ({ name: posix.basename(f.path), content: texts.get(f.path)! }));
  return { language, source: texts.get(main.path) ?? '', files: extra.slice(0, 32), folder };
}

/** The default validator with the package's flags (the other flags, if any, are named in the report). */
export function defaultValidator(flags: Map<string, string | null>, notes: string[]): Checker {
  const num = (v: string | null | undefined) => (v === null || v === undefined || !Number.isFinite(Number(v)) ? null : Number(v));
  const both = num(flags.get('float_tolerance'));
  for (const flag of flags.keys()) {
    if (!['case_sensitive', 'space_change_sensitive', 'float_tolerance', 'float_absolute_tolerance', 'float_relative_tolerance'].includes(flag)) {
      notes.push(`Validator flag "${flag}" is not one the default validator knows; it was ignored.`);
    }
  }
  return {
    kind: 'default',
    caseSensitive: flags.has('case_sensitive'),
    spaceChangeSensitive: flags.has('space_change_sensitive'),
    floatAbsoluteTolerance: num(flags.get('float_absolute_tolerance')) ?? both,
    floatRelativeTolerance: num(flags.get('float_relative_tolerance')) ?? both,
  };
}

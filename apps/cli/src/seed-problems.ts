import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { problemPackageSchema, type ProblemPackage } from '@logicode/contracts';

export const SEED_PROBLEMS_DIR = fileURLToPath(new URL('../seed/problems/', import.meta.url));

/** The seed problem packages, in file-name order (files are numbered easiest first). */
export function loadSeedProblems(dir = SEED_PROBLEMS_DIR): ProblemPackage[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const parsed = problemPackageSchema.safeParse(JSON.parse(readFileSync(join(dir, name), 'utf8')));
      if (!parsed.success) throw new Error(`Seed problem ${name} is invalid: ${parsed.error.message}`);
      return parsed.data;
    });
}

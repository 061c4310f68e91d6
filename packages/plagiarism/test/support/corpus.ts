// Loads test/corpus: one folder per problem; in it original.<ext>, copy-*.<ext> (the original disguised by hand)
// and independent*.<ext> (other people's own solutions to the same problem). The plagiarised group of a
// problem is its original and copies; every independent solution is on its own.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LanguageId } from '@logicode/contracts';

export const CORPUS_DIR = new URL('../corpus/', import.meta.url).pathname;

const LANGUAGE_OF: Record<string, LanguageId> = { c: 'c', cpp: 'cpp', java: 'java', js: 'javascript', py: 'python' };

export interface CorpusFile {
  id: number;
  userId: number;
  language: LanguageId;
  source: string;
  problem: string;
  name: string;
  /** Files with the same group are copies of each other; independent files have a group of their own. */
  group: string;
}

export function loadCorpus(): CorpusFile[] {
  const files: CorpusFile[] = [];
  for (const problem of readdirSync(CORPUS_DIR).sort()) {
    for (const name of readdirSync(join(CORPUS_DIR, problem)).sort()) {
      const ext = name.slice(name.lastIndexOf('.') + 1);
      const language = LANGUAGE_OF[ext];
      if (!language || name.startsWith('starter')) continue;
      const id = files.length + 1;
      const copied = name.startsWith('original') || name.startsWith('copy');
      files.push({
        id,
        userId: 1000 + id,
        language,
        source: readFileSync(join(CORPUS_DIR, problem, name), 'utf8'),
        problem,
        name,
        group: copied ? `${problem}/original` : `${problem}/${name}`,
      });
    }
  }
  return files;
}

/** Precision and recall of reported pairs against the corpus groups (a pair is plagiarism iff same group). */
export function score(files: CorpusFile[], reported: { leftId: number; rightId: number }[]) {
  const byId = new Map(files.map((f) => [f.id, f]));
  let truePositives = 0;
  const falsePositives: string[] = [];
  for (const { leftId, rightId } of reported) {
    const a = byId.get(leftId)!;
    const b = byId.get(rightId)!;
    if (a.group === b.group) truePositives++;
    else falsePositives.push(`${a.problem}/${a.name} ~ ${b.problem}/${b.name}`);
  }
  let expected = 0;
  const groups = new Map<string, number>();
  for (const f of files) groups.set(f.group, (groups.get(f.group) ?? 0) + 1);
  for (const n of groups.values()) expected += (n * (n - 1)) / 2;
  return {
    precision: reported.length === 0 ? 1 : truePositives / reported.length,
    recall: expected === 0 ? 1 : truePositives / expected,
    truePositives,
    expected,
    falsePositives,
  };
}

// The benchmark's data: the hand-written corpus (packages/plagiarism/test/corpus) and N files generated from it,
// each a random corpus file under a random mix of disguises. Two files are a true pair when they come from the
// same plagiarism group (an original and its hand copies form one group; each independent solution its own).
import type { LanguageId } from '@logicode/contracts';
import { loadCorpus } from '../../packages/plagiarism/test/support/corpus.js';
import { applyDisguise, DISGUISES, rng } from '../../packages/plagiarism/test/support/disguise.js';

export interface BenchFile {
  id: number;
  userId: number;
  language: LanguageId;
  source: string;
  group: string;
}

export function corpusFiles(): BenchFile[] {
  return loadCorpus().map(({ id, userId, language, source, group }) => ({ id, userId, language, source, group }));
}

export function generatedFiles(count: number, seed = 42): BenchFile[] {
  const bases = loadCorpus();
  const random = rng(seed);
  const out: BenchFile[] = [];
  for (let i = 0; i < count; i++) {
    const base = bases[Math.floor(random() * bases.length)]!;
    let source = base.source;
    for (const disguise of DISGUISES) {
      if (random() < 0.6) source = applyDisguise(disguise, base.language, source, random);
    }
    out.push({ id: i + 1, userId: i + 1, language: base.language, source, group: base.group });
  }
  return out;
}

export interface Scored {
  leftId: number;
  rightId: number;
  similarity: number;
  /** Ours: at a default flag level (the product's "flagged"). */
  flagged?: boolean;
}

/** Precision, recall and F1 of the pairs at or above `threshold` ('flagged': ours at its default flag levels). */
export function precisionRecall(files: BenchFile[], pairs: Scored[], threshold: number | 'flagged') {
  const group = new Map(files.map((f) => [f.id, `${f.language}:${f.group}`]));
  const reported = pairs.filter((p) => (threshold === 'flagged' ? p.flagged === true : p.similarity >= threshold));
  const truePositives = reported.filter((p) => group.get(p.leftId) === group.get(p.rightId)).length;
  const sizes = new Map<string, number>();
  for (const g of group.values()) sizes.set(g, (sizes.get(g) ?? 0) + 1);
  let expected = 0;
  for (const n of sizes.values()) expected += (n * (n - 1)) / 2;
  const precision = reported.length === 0 ? 1 : truePositives / reported.length;
  const recall = expected === 0 ? 1 : truePositives / expected;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, reported: reported.length, expected };
}

/** The threshold (in steps of 0.01) with the best F1: an oracle cut, generous to whoever it is given to. */
export function bestThreshold(files: BenchFile[], pairs: Scored[]): number {
  let best = { t: 0, f1: -1 };
  for (let t = 0.05; t <= 1.0001; t += 0.01) {
    const { f1 } = precisionRecall(files, pairs, t);
    if (f1 > best.f1) best = { t: Math.round(t * 100) / 100, f1 };
  }
  return best.t;
}

// Labelled classes built from test/corpus for issue 16's failure modes: a copy ring that is most of a small class
// (8–12 students), the same rings inside classes of 30–40, a partial copy (one function of the original spliced
// into a file of the student's own), loop/branch/literal rewrites, and independent solutions.
//
// Honest split: per language, the problem first in alphabetical order is the *tuning* half (parameters were
// chosen looking only at it), the other is the *reporting* half (the figures and the test's targets).
//
// A class is one problem in one language. Its members:
// - the main ring: R students sharing the original (the original, its hand copies, then programmatic variants
//   under a random mix of all disguises, including the rewrites);
// - one partial copy: an independent solution with the original's largest function spliced in (and renamed);
// - the rest: rings around the problem's independent solutions (the first member verbatim, the others
//   disguised). The corpus holds one or two independent solutions per problem, so the non-ring students of a
//   class of 30–40 are themselves rings copying those: every pair across rings is a hard negative (two
//   independent solutions of one problem), which is the pair a detector gets wrong.
// A pair is plagiarism when the two members share a source (the partial copy has two: the original's and its
// own file's).
import type { LanguageId } from '@logicode/contracts';
import { loadCorpus, type CorpusFile } from './corpus.js';
import { applyDisguise, DISGUISES, rename, REWRITES, rng } from './disguise.js';

export interface ClassMember {
  id: number;
  userId: number;
  language: LanguageId;
  source: string;
  /** Which originals this member's code comes from. */
  sources: string[];
  role: 'ring' | 'partial' | 'other-ring';
}

export interface LabelledClass {
  name: string;
  problem: string;
  half: 'tuning' | 'reporting';
  /** 'small' (8–12 students) or 'large' (30–40). */
  size: 'small' | 'large';
  ringSize: number;
  members: ClassMember[];
}

/** [ring size, class size]: rings of 3–8, most of them a majority of their class. */
const SMALL: [number, number][] = [[3, 8], [4, 8], [5, 8], [6, 9], [7, 9], [8, 10], [7, 12], [8, 11]];
const LARGE_RINGS = [3, 5, 8];

export function halves(corpus: CorpusFile[] = loadCorpus()): Map<string, 'tuning' | 'reporting'> {
  const byLanguage = new Map<LanguageId, string[]>();
  for (const f of corpus) {
    const list = byLanguage.get(f.language) ?? [];
    if (!list.includes(f.problem)) list.push(f.problem);
    byLanguage.set(f.language, list);
  }
  const out = new Map<string, 'tuning' | 'reporting'>();
  for (const problems of byLanguage.values()) problems.sort().forEach((p, i) => out.set(p, i === 0 ? 'tuning' : 'reporting'));
  return out;
}

function disguised(language: LanguageId, source: string, random: () => number): string {
  let out = source;
  let applied = 0;
  for (const d of [...DISGUISES, ...REWRITES]) {
    if (random() < 0.5) {
      out = applyDisguise(d, language, out, random);
      applied++;
    }
  }
  return applied === 0 ? applyDisguise('rename', language, out, random) : out;
}

/** Top-level functions (Java: members of the outer class) as line ranges, found by brace depth or indentation. */
function functions(language: LanguageId, source: string): [number, number][] {
  const lines = source.split('\n');
  const out: [number, number][] = [];
  if (language === 'python') {
    for (let i = 0; i < lines.length; i++) {
      if (!/^def /.test(lines[i]!)) continue;
      let j = i + 1;
      while (j < lines.length && (lines[j]!.trim() === '' || /^\s/.test(lines[j]!))) j++;
      out.push([i, j]);
      i = j - 1;
    }
    return out;
  }
  // Functions at the top level or one level in (methods of a class; Java: of the outer class).
  const memberDepth = language === 'java' ? 1 : 0;
  let depth = 0;
  let start = -1;
  let startDepth = -1;
  for (let i = 0; i < lines.length; i++) {
    const before = depth;
    for (const ch of lines[i]!.replace(/"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'|\/\/.*$/g, '')) {
      if (ch === '{') depth++;
      else if (ch === '}') depth--;
    }
    const header = /\(.*\)\s*(const\s*)?\{\s*$/.test(lines[i]!) && !/^\s*(if|for|while|switch|else|do|try|catch)\b|=/.test(lines[i]!);
    if (start < 0 && (before === memberDepth || before === memberDepth + 1) && depth > before && header) {
      start = i;
      startDepth = before;
    }
    if (start >= 0 && depth === startDepth) {
      out.push([start, i + 1]);
      start = -1;
    }
  }
  return out;
}

/** `own` with the original's largest non-main function added (inside the class for Java), then renamed. */
export function partialCopy(language: LanguageId, original: string, own: string, random: () => number): string {
  const lines = original.split('\n');
  const candidates = functions(language, original).filter(([a]) => !/\bmain\b/.test(lines[a]!));
  const [a, b] = candidates.sort((x, y) => y[1] - y[0] - (x[1] - x[0]))[0]!;
  const copied = lines.slice(a, b);
  const target = own.split('\n');
  let at = target.length;
  if (language === 'java') {
    at = target.length - 1;
    while (at > 0 && target[at]!.trim() !== '}') at--;
  }
  target.splice(at, 0, '', ...copied, '');
  return rename(language, target.join('\n'), random);
}

export function buildClasses(corpus: CorpusFile[] = loadCorpus()): LabelledClass[] {
  const half = halves(corpus);
  const classes: LabelledClass[] = [];
  let nextId = 1;
  for (const problem of [...half.keys()].sort()) {
    const files = corpus.filter((f) => f.problem === problem);
    const ringBases = files.filter((f) => f.name.startsWith('original') || f.name.startsWith('copy'));
    const original = files.find((f) => f.name.startsWith('original'))!;
    const independents = files.filter((f) => f.name.startsWith('independent'));
    const shapes = [...SMALL.map(([r, s]) => ({ r, s, size: 'small' as const })), ...LARGE_RINGS.map((r, i) => ({ r, s: 30 + ((r * 7 + i * 3) % 11), size: 'large' as const }))];
    for (const { r, s, size } of shapes) {
      const random = rng(nextId * 7919 + r);
      const members: ClassMember[] = [];
      const add = (source: string, sources: string[], role: ClassMember['role']) => {
        const id = nextId++;
        members.push({ id, userId: 100_000 + id, language: original.language, source, sources, role });
      };
      for (let i = 0; i < r; i++) {
        const base = ringBases[i % ringBases.length]!;
        add(i < ringBases.length ? base.source : disguised(base.language, base.source, random), ['original'], 'ring');
      }
      const own = independents[independents.length - 1]!;
      add(partialCopy(original.language, original.source, own.source, random), ['original', own.name], 'partial');
      const rest = s - members.length;
      for (let i = 0; i < rest; i++) {
        const base = independents[i % independents.length]!;
        const first = i < independents.length;
        add(first ? base.source : disguised(base.language, base.source, random), [base.name], 'other-ring');
      }
      classes.push({ name: `${problem} ${size} ring ${r} of ${s}`, problem, half: half.get(problem)!, size, ringSize: r, members });
    }
  }
  return classes;
}

export interface Scored {
  leftId: number;
  rightId: number;
  /** Higher = more likely plagiarism; pairs not listed score 0. */
  score: number;
  /** Predicted plagiarism (ours: flagged; Dolos: similarity at its cut). */
  positive: boolean;
}

export interface ClassFigures {
  precision: number;
  recall: number;
  truePositives: number;
  falsePositives: number;
  expected: number;
  falseNegatives: string[];
  falsePositiveNames: string[];
}

export function isPlagiarism(a: ClassMember, b: ClassMember): boolean {
  return a.sources.some((s) => b.sources.includes(s));
}

/** Precision and recall over the classes' pairs (each class compared on its own). */
export function figures(classes: LabelledClass[], scored: Map<string, Scored[]>): ClassFigures {
  let tp = 0;
  let fp = 0;
  let expected = 0;
  const falseNegatives: string[] = [];
  const falsePositiveNames: string[] = [];
  for (const c of classes) {
    const byId = new Map(c.members.map((m) => [m.id, m]));
    const positive = new Set<string>();
    for (const p of scored.get(c.name) ?? []) {
      if (!p.positive) continue;
      positive.add(`${p.leftId}-${p.rightId}`);
      if (isPlagiarism(byId.get(p.leftId)!, byId.get(p.rightId)!)) tp++;
      else {
        fp++;
        falsePositiveNames.push(`${c.name}: ${byId.get(p.leftId)!.role}/${byId.get(p.leftId)!.sources} ~ ${byId.get(p.rightId)!.role}/${byId.get(p.rightId)!.sources}`);
      }
    }
    for (let i = 0; i < c.members.length; i++) {
      for (let j = i + 1; j < c.members.length; j++) {
        const [a, b] = [c.members[i]!, c.members[j]!];
        if (!isPlagiarism(a, b)) continue;
        expected++;
        if (!positive.has(`${Math.min(a.id, b.id)}-${Math.max(a.id, b.id)}`)) falseNegatives.push(`${c.name}: ${a.role}/${a.sources} ~ ${b.role}/${b.sources}`);
      }
    }
  }
  return {
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: expected === 0 ? 1 : tp / expected,
    truePositives: tp,
    falsePositives: fp,
    expected,
    falseNegatives,
    falsePositiveNames,
  };
}

/** Area under the ROC curve over every within-class pair (unlisted pairs score 0; ties count half). */
export function auc(classes: LabelledClass[], scored: Map<string, Scored[]>): number {
  const pos: number[] = [];
  const neg: number[] = [];
  for (const c of classes) {
    const score = new Map((scored.get(c.name) ?? []).map((p) => [`${p.leftId}-${p.rightId}`, p.score]));
    for (let i = 0; i < c.members.length; i++) {
      for (let j = i + 1; j < c.members.length; j++) {
        const [a, b] = [c.members[i]!, c.members[j]!];
        const s = score.get(`${Math.min(a.id, b.id)}-${Math.max(a.id, b.id)}`) ?? 0;
        (isPlagiarism(a, b) ? pos : neg).push(s);
      }
    }
  }
  neg.sort((x, y) => x - y);
  let sum = 0;
  for (const s of pos) {
    let lo = 0;
    let hi = neg.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (neg[mid]! < s) lo = mid + 1;
      else hi = mid;
    }
    let ties = 0;
    for (let k = lo; k < neg.length && neg[k] === s; k++) ties++;
    sum += lo + ties / 2;
  }
  return pos.length === 0 || neg.length === 0 ? 1 : sum / (pos.length * neg.length);
}

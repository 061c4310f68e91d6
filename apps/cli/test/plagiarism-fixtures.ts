// Seeding for the plagiarism tests: a knapsack problem whose Python starter code holds the input parsing and the
// driver, and submissions from packages/plagiarism/test/corpus (read as files: the cli may not import that package).
import { readFileSync } from 'node:fs';
import type { Runtime } from '@logicode/core';

const CORPUS = new URL('../../../packages/plagiarism/test/corpus/knapsack/', import.meta.url);
export const corpus = (name: string) => readFileSync(new URL(name, CORPUS), 'utf8');

/** What every student is given: parsing and main written, the two functions to do. */
export const STARTER_PY = `import sys


def read_items(lines):
    """Parse 'name weight value' lines into tuples."""
    items = []
    for line in lines:
        parts = line.split()
        if len(parts) != 3:
            continue
        name, weight, value = parts[0], int(parts[1]), int(parts[2])
        items.append((name, weight, value))
    return items


def knapsack(items, capacity):
    # TODO: fill best[i][c], the best value of the first i items within capacity c
    return [[0] * (capacity + 1) for _ in range(len(items) + 1)]


def reconstruct(items, best, capacity):
    # TODO: walk back through the table and return the names taken
    return []


def main():
    data = sys.stdin.read().splitlines()
    if not data:
        print("no input")
        return
    capacity = int(data[0])
    items = read_items(data[1:])
    best = knapsack(items, capacity)
    chosen = reconstruct(items, best, capacity)
    total_weight = sum(w for name, w, v in items if name in chosen)
    print(best[len(items)][capacity])
    print("weight used:", total_weight)
    print(" ".join(chosen) if chosen else "(nothing)")


if __name__ == "__main__":
    main()
`;

/** A published stdio problem offering Python with the starter above (trusted: not validated); returns its id. */
export async function createKnapsackProblem(runtime: Runtime, adminId: number, slug = `knapsack-${Date.now()}`): Promise<number> {
  const created = await runtime.core.problems.importPackage({
    format: 'logicode-problem@1',
    problem: {
      slug, title: 'Knapsack', statement: 'Pick items.', category: 'dynamic-programming', difficulty: 'medium', tags: [], style: 'stdio',
      timeLimitMs: 2000, memoryLimitKb: 262_144, checker: { kind: 'exact' }, timedDurationSec: null, isPublished: true,
    },
    languages: [{ language: 'python', starterCode: STARTER_PY, driverCode: null }],
    // No program prints this: every Submit is WA, so each student's latest Submit is the one that counts.
    tests: [{ input: '5\na 2 3\nb 3 4\n', expectedOutput: 'unreachable\n', isSample: true, weight: 1 }],
    solutions: [{ language: 'python', source: corpus('original.py') }],
  }, { userId: adminId, role: 'admin', name: 'admin' }, { trusted: true });
  return created.id;
}

let clock = 1_700_000_000_000;

/** A judged Submit stored directly (no judge needed for a full run over stored submissions). */
export async function insertJudged(runtime: Runtime, row: { userId: number; problemId: number; code: string; verdict: string; language?: string }): Promise<number> {
  clock += 1000;
  const result = await runtime.db.db.insertInto('submissions').values({
    userId: row.userId, problemId: row.problemId, language: row.language ?? 'python', mode: 'submit', status: 'done',
    verdict: row.verdict, score: row.verdict === 'AC' ? 100 : 0, code: row.code, customInput: null, compileOutput: null,
    testCount: 1, maxCpuMs: 10, maxMemoryKb: 1000, attemptId: null, autoSubmitted: 0, createdAtMs: clock, startedAtMs: clock,
    finishedAtMs: clock,
  }).executeTakeFirstOrThrow();
  return Number(result.insertId);
}

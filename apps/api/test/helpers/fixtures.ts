import type { ProblemPackage } from '@logicode/contracts';

export const HIDDEN_INPUT = '1000000 2345678\n';
export const HIDDEN_OUTPUT = '3345678\n';
export const SECRET_SOLUTION_MARK = 'reference-solution-secret';

/** A small stdin/stdout problem with two sample and two hidden tests and reference solutions. */
export function sumPackage(overrides: Partial<ProblemPackage['problem']> = {}): ProblemPackage {
  return {
    format: 'logicode-problem@1',
    problem: {
      slug: 'sum-two',
      title: 'Sum of Two Numbers',
      statement: 'Read **a** and **b**, print a + b.',
      category: 'math',
      difficulty: 'easy',
      tags: ['basics', 'arithmetic'],
      style: 'stdio',
      timeLimitMs: 1000,
      memoryLimitKb: 262_144,
      checker: { kind: 'exact' },
      timedDurationSec: null,
      isPublished: true,
      ...overrides,
    },
    languages: [
      { language: 'python', starterCode: 'a, b = map(int, input().split())\nprint(0)\n', driverCode: null },
      { language: 'c', starterCode: '#include <stdio.h>\nint main(void) { return 0; }\n', driverCode: null },
    ],
    tests: [
      { input: '1 2\n', expectedOutput: '3\n', isSample: true, weight: 1 },
      { input: '-5 5\n', expectedOutput: '0\n', isSample: true, weight: 1 },
      { input: HIDDEN_INPUT, expectedOutput: HIDDEN_OUTPUT, isSample: false, weight: 2 },
      { input: '7 8\n', expectedOutput: '15\n', isSample: false, weight: 2 },
    ],
    solutions: [
      { language: 'python', source: `# ${SECRET_SOLUTION_MARK}\na, b = map(int, input().split())\nprint(a + b)\n` },
      { language: 'c', source: `/* ${SECRET_SOLUTION_MARK} */\n#include <stdio.h>\nint main(void) { long a, b; scanf("%ld %ld", &a, &b); printf("%ld\\n", a + b); return 0; }\n` },
    ],
  };
}

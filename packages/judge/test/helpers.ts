// One judge per test file, on the real sandbox (no mocks). The work root is shared by the test files.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JudgeJob, LanguageId } from '@logicode/contracts';
import { createJudge } from '../src/index.js';
import type { Judge } from '../src/index.js';

export const TEST_WORK_ROOT = join(tmpdir(), 'logicode-judge-test');

let judge: Promise<Judge> | null = null;
export function testJudge(): Promise<Judge> {
  judge ??= createJudge({ workRoot: TEST_WORK_ROOT, log: () => {} });
  return judge;
}

export const A_PLUS_B_TESTS: JudgeJob['tests'] = [
  { id: 't1', input: '1 2\n', expectedOutput: '3\n', weight: 1 },
  { id: 't2', input: '10 -4\n', expectedOutput: '6\n', weight: 2 },
];

export function job(language: LanguageId, source: string, over: Partial<JudgeJob> = {}): JudgeJob {
  return {
    language,
    source,
    driverSource: null,
    tests: A_PLUS_B_TESTS,
    // Generous for a shared 2-core VM, small enough that the bombs end fast.
    limits: { timeLimitMs: 1000, wallLimitMs: 4000, memoryLimitKb: 65_536, outputLimitBytes: 65_536 },
    checker: { kind: 'exact' },
    stopOnFirstFailure: false,
    ...over,
  };
}

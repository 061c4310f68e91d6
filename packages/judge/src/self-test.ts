// Each language's boot check (DMOJ's run_self_test): its version probe, then its echo program judged
// end to end through the real sandbox. A language that fails is disabled by the judge.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { JudgeJob, LanguageId } from '@logicode/contracts';
import type { LanguageSpec } from './languages/index.js';

const exec = promisify(execFile);

export interface LanguageStatus {
  id: LanguageId;
  ok: boolean;
  version: string | null;
  error: string | null;
}

export const SELF_TEST_LINE = 'echo: Hello, World!';

export async function probeVersion(lang: LanguageSpec): Promise<string> {
  const [cmd, ...args] = lang.version;
  const { stdout, stderr } = await exec(cmd as string, args, { timeout: 20_000, env: { PATH: '/usr/bin:/bin' } });
  const line = `${stdout}\n${stderr}`.split('\n').find((l) => l.trim() !== '');
  if (!line) throw new Error(`${lang.version.join(' ')} printed nothing`);
  return line.trim();
}

export function selfTestJob(lang: LanguageSpec): JudgeJob {
  return {
    language: lang.id,
    source: lang.selfTest,
    driverSource: null,
    tests: [{ id: 'self-test', input: `${SELF_TEST_LINE}\n`, expectedOutput: `${SELF_TEST_LINE}\n`, weight: 1 }],
    // Generous: the JVM starts in ~0.1 s but this machine is shared.
    limits: { timeLimitMs: 5000, memoryLimitKb: 262_144, outputLimitBytes: 1 << 20 },
    checker: { kind: 'exact' },
    stopOnFirstFailure: true,
  };
}

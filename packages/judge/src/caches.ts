// Toolchain caches (LanguageSpec.cache), built in the background once per work root from trusted system
// files, outside the sandbox. A compile that starts before its cache is ready simply runs without it.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { LogFn } from './context.js';
import type { LanguageSpec } from './languages/index.js';

/** Runs a build in its own process group, so stopping it also stops the compiler's children (cc1plus). */
function runGroup(argv: string[], signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0] as string, argv.slice(1), { detached: true, stdio: 'ignore' });
    const stop = () => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    };
    const timer = setTimeout(stop, 300_000);
    signal?.addEventListener('abort', stop);
    child.on('error', reject);
    child.on('close', (code, sig) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', stop);
      if (code === 0) resolve();
      else reject(new Error(`${argv[0]} ended with ${sig ?? code}`));
    });
  });
}

export function cacheDirOf(workRoot: string, lang: LanguageSpec): string {
  return join(workRoot, 'cache', lang.id);
}

function lockHeldByLiveProcess(lock: string): boolean {
  try {
    process.kill(Number(readFileSync(lock, 'utf8')), 0);
    return true;
  } catch {
    return false;
  }
}

/** Builds lang's cache unless it exists or another judge process is building it. */
export async function buildCache(workRoot: string, lang: LanguageSpec, log: LogFn, signal?: AbortSignal): Promise<void> {
  if (!lang.cache) return;
  const dir = cacheDirOf(workRoot, lang);
  const target = join(dir, lang.cache.file);
  if (existsSync(target) || signal?.aborted) return;
  mkdirSync(dirname(target), { recursive: true, mode: 0o755 });
  const lock = join(dir, '.building');
  if (existsSync(lock) && !lockHeldByLiveProcess(lock)) rmSync(lock, { force: true });
  let fd: number;
  try {
    fd = openSync(lock, 'wx');
  } catch {
    return; // another judge on this work root is building it
  }
  try {
    writeFileSync(fd, String(process.pid));
    mkdirSync(join(dir, '.source'), { recursive: true });
    const input = join(dir, '.source', lang.cache.sourceName);
    writeFileSync(input, lang.cache.source);
    const tmp = `${target}.${process.pid}.tmp`;
    const started = Date.now();
    await runGroup(lang.cache.build(input, tmp), signal);
    renameSync(tmp, target);
    log('info', `judge: built the ${lang.id} compile cache in ${Date.now() - started} ms`, { file: target });
  } catch (error) {
    rmSync(`${target}.${process.pid}.tmp`, { force: true });
    if (signal?.aborted) return;
    log('warn', `judge: could not build the ${lang.id} compile cache; compiling without it`, { error: String(error) });
  } finally {
    closeSync(fd);
    rmSync(lock, { force: true });
  }
}

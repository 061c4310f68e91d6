// Compile once: successful builds kept per work root, keyed by everything that decides the result (language,
// toolchain version and binary, compile argv, file name, the full combined source). Run-then-Submit, resubmits
// and an admin's validation of the same code compile once. Entries are root-owned copies, read-only to every
// sandbox; a job gets hard links (or copies) in its own build dir, so evicting an entry never pulls files from
// under a running job. An entry appears by rename of a complete directory: never half-written.
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  chmodSync, copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync,
  utimesSync, writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { LanguageSpec } from './languages/index.js';

const run = promisify(execFile);

export interface BuildCacheLimits {
  maxEntries: number;
  maxBytes: number;
}

export const DEFAULT_BUILD_CACHE: BuildCacheLimits = { maxEntries: 500, maxBytes: 512 * 1024 * 1024 };

const META = '.meta.json';

interface Meta {
  compileOutput: string | null;
  bytes: number;
}

export class BuildCache {
  private readonly toolchains = new Map<string, Promise<string>>();
  /** Builds in progress in this process: a second job with the same key waits for the first, then hits. */
  private readonly inFlight = new Map<string, Promise<unknown>>();

  constructor(
    readonly dir: string,
    private readonly limits: BuildCacheLimits = DEFAULT_BUILD_CACHE,
  ) {
    mkdirSync(dir, { recursive: true, mode: 0o711 });
    // Temporary dirs of a killed judge: never entries (those are renamed into place whole).
    for (const name of readdirSync(dir)) if (name.startsWith('tmp-')) rmSync(join(dir, name), { recursive: true, force: true });
  }

  /** The compiler's version line and its binary's size and mtime: an upgraded toolchain misses. */
  private toolchain(lang: LanguageSpec): Promise<string> {
    let p = this.toolchains.get(lang.id);
    if (!p) {
      p = (async () => {
        const [bin, ...args] = lang.version as [string, ...string[]];
        const out = await run(bin, args, { timeout: 30_000 }).catch((e: { stdout?: string; stderr?: string }) => e);
        const st = statSync(bin);
        return `${String(out.stdout ?? '').trim()}|${String(out.stderr ?? '').trim()}|${st.size}|${st.mtimeMs}`;
      })();
      this.toolchains.set(lang.id, p);
    }
    return p;
  }

  async key(lang: LanguageSpec, sourceFile: string, combined: string): Promise<string> {
    if (!lang.compile) throw new Error('BuildCache.key: not a compiled language');
    // The argv with the toolchain cache assumed ready: whether a precompiled header or javac's CDS archive
    // was there changes the compile time, not the program.
    const argv = lang.compile(sourceFile, { cacheDir: '/judge/cache', cacheReady: true });
    return createHash('sha256')
      .update(JSON.stringify([lang.id, await this.toolchain(lang), argv, sourceFile]))
      .update('\0')
      .update(combined)
      .digest('hex');
  }

  /** Runs `build` unless another job of this process is building the same key (then waits for it). */
  async once<T>(key: string, build: () => Promise<T>): Promise<T | 'waited'> {
    const running = this.inFlight.get(key);
    if (running) {
      await running.catch(() => undefined);
      return 'waited';
    }
    const p = build();
    this.inFlight.set(key, p);
    try {
      return await p;
    } finally {
      this.inFlight.delete(key);
    }
  }

  /** On a hit, links the entry's files into buildDir (beside the source already there) and says so. */
  restore(key: string, buildDir: string): { compileOutput: string | null } | null {
    const entry = join(this.dir, key);
    let meta: Meta;
    try {
      meta = JSON.parse(readFileSync(join(entry, META), 'utf8')) as Meta;
    } catch {
      return null;
    }
    try {
      placeTree(entry, buildDir);
      const now = new Date();
      utimesSync(entry, now, now); // least recently used goes first
    } catch {
      return null; // evicted meanwhile: compile
    }
    return { compileOutput: meta.compileOutput };
  }

  /** Keeps a successful build: a root-owned, read-only copy of buildDir's regular files, renamed into place. */
  store(key: string, buildDir: string, compileOutput: string | null): void {
    const entry = join(this.dir, key);
    if (existsSync(entry)) return;
    const tmp = join(this.dir, `tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
    try {
      const bytes = copyTree(buildDir, tmp);
      writeFileSync(join(tmp, META), JSON.stringify({ compileOutput, bytes } satisfies Meta), { mode: 0o444 });
      chmodSync(tmp, 0o755);
      renameSync(tmp, entry);
    } catch {
      rmSync(tmp, { recursive: true, force: true }); // another job stored it first, or the disk is full
      return;
    }
    this.evict();
  }

  /** Oldest first until both bounds hold. */
  private evict(): void {
    const entries = readdirSync(this.dir)
      .filter((n) => !n.startsWith('tmp-'))
      .map((name) => {
        const dir = join(this.dir, name);
        try {
          const meta = JSON.parse(readFileSync(join(dir, META), 'utf8')) as Meta;
          return { dir, bytes: meta.bytes, usedMs: statSync(dir).mtimeMs };
        } catch {
          return { dir, bytes: 0, usedMs: 0 };
        }
      })
      .sort((a, b) => a.usedMs - b.usedMs);
    let bytes = entries.reduce((n, e) => n + e.bytes, 0);
    let count = entries.length;
    for (const e of entries) {
      if (count <= this.limits.maxEntries && bytes <= this.limits.maxBytes) break;
      rmSync(e.dir, { recursive: true, force: true });
      count--;
      bytes -= e.bytes;
    }
  }
}

/** Regular files and dirs only (a symlink the compile left is not followed), as root, read-only; total bytes. */
function copyTree(from: string, to: string): number {
  mkdirSync(to, { mode: 0o755 });
  let bytes = 0;
  for (const d of readdirSync(from, { withFileTypes: true })) {
    const src = join(from, d.name);
    const dst = join(to, d.name);
    if (d.isDirectory()) {
      bytes += copyTree(src, dst);
      chmodSync(dst, 0o555);
    } else if (d.isFile()) {
      copyFileSync(src, dst);
      chmodSync(dst, statSync(src).mode & 0o111 ? 0o555 : 0o444);
      bytes += statSync(dst).size;
    }
  }
  return bytes;
}

/** Hard links (a copy across file systems) of an entry into a job's build dir; files already there are kept. */
function placeTree(from: string, to: string): void {
  for (const d of readdirSync(from, { withFileTypes: true })) {
    if (d.name === META) continue;
    const src = join(from, d.name);
    const dst = join(to, d.name);
    if (existsSync(dst)) continue;
    if (d.isDirectory()) {
      mkdirSync(dst, { mode: 0o755 });
      placeTree(src, dst);
    } else {
      try {
        linkSync(src, dst);
      } catch {
        copyFileSync(src, dst);
      }
    }
  }
}
